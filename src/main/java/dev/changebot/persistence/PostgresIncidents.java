package dev.changebot.persistence;

import dev.changebot.application.port.Incidents;
import dev.changebot.domain.incident.Incident;
import dev.changebot.domain.incident.IncidentSource;
import dev.changebot.domain.incident.IncidentStatus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Incidents, their deliveries and their linked changes in PostgreSQL (V46, V51, V52). */
@Singleton
class PostgresIncidents implements Incidents {

    private static final String COLUMNS = "number, source, external_key, title, raw_severity, severity, services,"
            + " all_services, status, links, opened_at, resolved_at, updated_at, acknowledged_at, reopened_at, turned_at";

    private final JdbcOperations jdbc;

    PostgresIncidents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claimDelivery(String workspaceId, IncidentSource source, String eventId, Instant at) {
        return update("INSERT INTO incident_delivery (workspace_id, source, event_id, received_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", workspaceId, source.name(), eventId, Timestamp.from(at)) == 1;
    }

    @Override
    public Optional<Incident> lockedByKey(String workspaceId, IncidentSource source, String externalKey) {
        var found = query("SELECT " + COLUMNS + " FROM incident WHERE workspace_id = ? AND source = ? AND external_key = ?"
                + " FOR UPDATE", workspaceId, source.name(), externalKey);
        return found.stream().findFirst();
    }

    @Override
    public Optional<Incident> byNumber(String workspaceId, long number) {
        return query("SELECT " + COLUMNS + " FROM incident WHERE workspace_id = ? AND number = ?", workspaceId, number)
                .stream().findFirst();
    }

    @Override
    public long nextNumber(String workspaceId) {
        // One numbering per workspace: the lock serialises two nodes recording their first reports at once.
        return jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('incident:' || ?)),"
                + " (SELECT COALESCE(MAX(number), 0) + 1 FROM incident WHERE workspace_id = ?)", statement -> {
            try {
                statement.setString(1, workspaceId);
                statement.setString(2, workspaceId);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(2);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not number an incident", e);
            }
        });
    }

    @Override
    public void save(String workspaceId, Incident incident) {
        update("INSERT INTO incident (workspace_id, " + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, number) DO UPDATE SET"
                + " title = EXCLUDED.title, raw_severity = EXCLUDED.raw_severity, severity = EXCLUDED.severity,"
                + " services = EXCLUDED.services, all_services = EXCLUDED.all_services, status = EXCLUDED.status,"
                + " links = EXCLUDED.links, opened_at = EXCLUDED.opened_at, resolved_at = EXCLUDED.resolved_at,"
                + " updated_at = EXCLUDED.updated_at, acknowledged_at = EXCLUDED.acknowledged_at,"
                + " reopened_at = EXCLUDED.reopened_at, turned_at = EXCLUDED.turned_at",
                workspaceId, incident.number(), incident.source().name(), incident.externalKey(), incident.title(),
                incident.rawSeverity(), incident.severity(), incident.services().toArray(String[]::new),
                incident.allServices(), incident.status().name(), incident.links().toArray(String[]::new),
                Timestamp.from(incident.openedAt()), incident.resolvedAt().map(Timestamp::from).orElse(null),
                Timestamp.from(incident.updatedAt()), timestamp(incident.acknowledgedAt()),
                timestamp(incident.reopenedAt()), timestamp(incident.turnedAt()));
    }

    private static Timestamp timestamp(Optional<Instant> at) {
        return at.map(Timestamp::from).orElse(null);
    }

    @Override
    public void reopened(String workspaceId, long number) {
        update("UPDATE incident SET banner_at = NULL, digest_at = NULL WHERE workspace_id = ? AND number = ?",
                workspaceId, number);
    }

    @Override
    public List<Incident> notThawed(String workspaceId) {
        return query("SELECT " + COLUMNS + " FROM incident WHERE workspace_id = ? AND digest_at IS NULL ORDER BY number",
                workspaceId);
    }

    @Override
    public boolean markBanner(String workspaceId, long number, Instant at) {
        return update("UPDATE incident SET banner_at = ? WHERE workspace_id = ? AND number = ? AND banner_at IS NULL",
                Timestamp.from(at), workspaceId, number) == 1;
    }

    @Override
    public boolean bannerPosted(String workspaceId, long number) {
        return !longs("SELECT number FROM incident WHERE workspace_id = ? AND number = ? AND banner_at IS NOT NULL",
                workspaceId, number).isEmpty();
    }

    @Override
    public boolean markDigest(String workspaceId, long number, Instant at) {
        return update("UPDATE incident SET digest_at = ? WHERE workspace_id = ? AND number = ? AND digest_at IS NULL",
                Timestamp.from(at), workspaceId, number) == 1;
    }

    @Override
    public boolean link(String workspaceId, long number, long changeNumber, Link link, String by, Instant at) {
        return update("INSERT INTO incident_change (workspace_id, number, change_number, link, linked_by, linked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", workspaceId, number, changeNumber, link.name(), by,
                Timestamp.from(at)) == 1;
    }

    @Override
    public Set<String> linkedTo(String workspaceId, long changeNumber, Link link) {
        var refs = new LinkedHashSet<String>();
        longs("SELECT number FROM incident_change WHERE workspace_id = ? AND change_number = ? AND link = ? ORDER BY number",
                workspaceId, changeNumber, link.name()).forEach(n -> refs.add(Incident.ref(n)));
        return refs;
    }

    @Override
    public List<Long> changesOf(String workspaceId, long number, Link link) {
        return longs("SELECT change_number FROM incident_change WHERE workspace_id = ? AND number = ? AND link = ?"
                + " ORDER BY change_number", workspaceId, number, link.name());
    }

    @Override
    public void placeIn(String workspaceId, long number, String channelId) {
        update("UPDATE incident SET channel_id = ? WHERE workspace_id = ? AND number = ?", channelId, workspaceId, number);
    }

    @Override
    public List<Long> openIn(String workspaceId, String channelId) {
        return longs("SELECT number FROM incident WHERE workspace_id = ? AND channel_id = ? AND status <> 'RESOLVED'"
                + " ORDER BY number", workspaceId, channelId);
    }

    @Override
    public List<String> workspacesNotThawed() {
        return jdbc.prepareStatement("SELECT DISTINCT workspace_id FROM incident WHERE digest_at IS NULL", statement -> {
            try (var rows = statement.executeQuery()) {
                var list = new ArrayList<String>();
                while (rows.next()) {
                    list.add(rows.getString(1));
                }
                return list;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not list workspaces with incidents", e);
            }
        });
    }

    private List<Long> longs(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                bind(statement, parameters);
                var list = new ArrayList<Long>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        list.add(rows.getLong(1));
                    }
                }
                return list;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read incident links", e);
            }
        });
    }

    private List<Incident> query(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                bind(statement, parameters);
                var list = new ArrayList<Incident>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        list.add(incident(rows));
                    }
                }
                return list;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read incidents", e);
            }
        });
    }

    private int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                bind(statement, parameters);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write an incident", e);
            }
        });
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof String[] array) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", array));
            } else if (parameters[i] == null) {
                statement.setNull(i + 1, java.sql.Types.TIMESTAMP);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    private static Incident incident(ResultSet rows) throws SQLException {
        var resolved = rows.getTimestamp("resolved_at");
        return new Incident(rows.getLong("number"), IncidentSource.valueOf(rows.getString("source")),
                rows.getString("external_key"), rows.getString("title"), rows.getString("raw_severity"),
                rows.getString("severity"), new LinkedHashSet<>(strings(rows, "services")), rows.getBoolean("all_services"),
                IncidentStatus.valueOf(rows.getString("status")), strings(rows, "links"),
                rows.getTimestamp("opened_at").toInstant(), Optional.ofNullable(resolved).map(Timestamp::toInstant),
                rows.getTimestamp("updated_at").toInstant(), instant(rows, "acknowledged_at"),
                instant(rows, "reopened_at"), instant(rows, "turned_at"));
    }

    private static Optional<Instant> instant(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(rows.getTimestamp(column)).map(Timestamp::toInstant);
    }

    private static List<String> strings(ResultSet rows, String column) throws SQLException {
        var array = rows.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
