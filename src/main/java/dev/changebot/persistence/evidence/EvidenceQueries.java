package dev.changebot.persistence.evidence;

import dev.changebot.application.evidence.EvidenceRecords.ChainSink;
import dev.changebot.application.evidence.EvidenceRecords.ChangeTrail;
import dev.changebot.application.evidence.EvidenceRecords.TrailEntry;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.TrailCheck.RecordedCheckpoint;
import dev.changebot.domain.audit.VerifierKey;
import dev.changebot.domain.evidence.ChainEntry;
import dev.changebot.domain.evidence.ChangeRecord;
import dev.changebot.domain.evidence.EvidenceData;
import dev.changebot.domain.evidence.EvidenceData.CarriedCheckpoint;
import dev.changebot.domain.evidence.FollowUpRecord;
import dev.changebot.domain.evidence.Period;
import dev.changebot.domain.evidence.RecordedEvent;
import dev.changebot.domain.evidence.UnauthorizedDeploymentRecord;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence's SQL, in plain JDBC on a connection the caller holds in one snapshot, so the
 * server and the command line read exactly the same way. JSON details are taken apart by
 * PostgreSQL (text members and string arrays), which keeps this free of a JSON library.
 */
final class EvidenceQueries {

    /** The text members of an event's details the pack reads. */
    private static final List<String> TEXT_DETAILS = List.of("step", "via", "completes", "reason", "class",
            "justification", "environment", "outcome", "summary", "incidentCommander", "obligation", "dueAt", "before");
    private static final List<String> LIST_DETAILS = List.of("roles", "rules", "signers", "missing");

    private final Connection connection;

    EvidenceQueries(Connection connection) {
        this.connection = connection;
    }

    EvidenceData read(String workspaceId, Period period) throws SQLException {
        var changes = changes(workspaceId, "requested_at >= ? AND requested_at < ?",
                Timestamp.from(period.from()), Timestamp.from(period.until()));
        long before = single("SELECT coalesce(max(number), 0) FROM change_request WHERE workspace_id = ? AND requested_at < ?",
                workspaceId, Timestamp.from(period.from()));
        return new EvidenceData(workspaceId, changes, before, chain(workspaceId), newestCheckpoint(workspaceId),
                unauthorizedDeployments(workspaceId, period), IncidentEvidence.read(connection, workspaceId, period),
                ConflictQueries.inPeriod(connection, workspaceId, period));
    }

    Optional<ChangeTrail> trail(String workspaceId, long number) throws SQLException {
        var found = changes(workspaceId, "number = ?", number);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var entries = new ArrayList<TrailEntry>();
        var sql = "SELECT seq, kind, (body::jsonb)->>'actor' AS actor, occurred_at, (body::jsonb)->'details'->>'via' AS via,"
                + " CASE WHEN jsonb_typeof((body::jsonb)->'details'->'roles') = 'array'"
                + " THEN ARRAY(SELECT jsonb_array_elements_text((body::jsonb)->'details'->'roles')) END AS roles"
                + " FROM audit_entry WHERE chain_id = ? AND change_number = ? ORDER BY seq";
        try (var statement = prepare(sql, workspaceId, number); var rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(new TrailEntry(rows.getLong("seq"), rows.getString("kind"),
                        Optional.ofNullable(rows.getString("actor")).orElse(""), rows.getTimestamp("occurred_at").toInstant(),
                        Optional.ofNullable(rows.getString("via")), stringArray(rows, "roles").orElse(List.of())));
            }
        }
        var checkpoints = new ArrayList<RecordedCheckpoint>();
        try (var statement = prepare("SELECT size, note FROM audit_checkpoint WHERE chain_id = ? ORDER BY size", workspaceId);
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(new RecordedCheckpoint(rows.getLong(1), rows.getString(2)));
            }
        }
        long unchained = single("SELECT count(*) FROM change_event ev JOIN change_request c ON c.id = ev.change_id"
                + " WHERE c.workspace_id = ? AND c.number = ? AND NOT EXISTS (SELECT 1 FROM audit_entry a"
                + " WHERE a.source = 'change_event' AND a.source_id = ev.id)", workspaceId, number);
        return Optional.of(new ChangeTrail(found.get(0), entries, (int) unchained, checkpoints));
    }

    void readChain(String workspaceId, long upTo, ChainSink sink) throws SQLException {
        try (var statement = prepare("SELECT seq, prev_hash, hash, body FROM audit_entry WHERE chain_id = ? AND seq <= ?"
                + " ORDER BY seq", workspaceId, upTo)) {
            statement.setFetchSize(1000);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(rows.getLong(1), rows.getBytes(2), rows.getBytes(3), rows.getString(4));
                }
            }
        }
    }

    List<String> workspaces() throws SQLException {
        var list = new ArrayList<String>();
        try (var statement = connection.prepareStatement("SELECT DISTINCT workspace_id FROM change_request"
                + " UNION SELECT chain_id FROM audit_chain ORDER BY 1"); var rows = statement.executeQuery()) {
            while (rows.next()) {
                list.add(rows.getString(1));
            }
        }
        return list;
    }

    private List<ChangeRecord> changes(String workspaceId, String where, Object... parameters) throws SQLException {
        // The systems column names the change's service first, then what the requester wrote.
        var sql = "SELECT id, number, class_name, title, concat_ws(': ', service, systems_affected) AS systems,"
                + " requester_id, requested_at, state,"
                + " message_channel_id, message_ts, obligations FROM change_request WHERE workspace_id = ? AND " + where
                + " ORDER BY number";
        var all = new Object[parameters.length + 1];
        all[0] = workspaceId;
        System.arraycopy(parameters, 0, all, 1, parameters.length);
        var rowsById = new LinkedHashMap<Long, Object[]>();
        try (var statement = prepare(sql, all); var rows = statement.executeQuery()) {
            while (rows.next()) {
                rowsById.put(rows.getLong("id"), new Object[] {rows.getLong("number"), rows.getString("class_name"),
                        rows.getString("title"), emptyAsNull(rows.getString("systems")), rows.getString("requester_id"),
                        rows.getTimestamp("requested_at").toInstant(), rows.getString("state"),
                        rows.getString("message_channel_id"), rows.getString("message_ts")});
            }
        }
        var events = events(rowsById.keySet());
        var followUps = followUps(rowsById.keySet());
        var records = new ArrayList<ChangeRecord>();
        rowsById.forEach((id, r) -> records.add(new ChangeRecord((Long) r[0], (String) r[1], (String) r[2],
                Optional.ofNullable((String) r[3]), (String) r[4], (Instant) r[5], (String) r[6],
                Optional.ofNullable((String) r[7]), Optional.ofNullable((String) r[8]),
                followUps.getOrDefault(id, List.of()), events.getOrDefault(id, List.of()))));
        return records;
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private Map<Long, List<RecordedEvent>> events(java.util.Set<Long> changeIds) throws SQLException {
        var byChange = new HashMap<Long, List<RecordedEvent>>();
        if (changeIds.isEmpty()) {
            return byChange;
        }
        var select = new StringBuilder("SELECT change_id, type, actor_id, occurred_at");
        TEXT_DETAILS.forEach(name -> select.append(", details->>'").append(name).append("' AS \"t_").append(name).append('"'));
        // A member that is no array (older rows lack it) reads as NULL: "unknown", not "none".
        LIST_DETAILS.forEach(name -> select.append(", CASE WHEN jsonb_typeof(details->'").append(name)
                .append("') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(details->'").append(name)
                .append("')) END AS \"l_").append(name).append('"'));
        select.append(" FROM change_event WHERE change_id = ANY(?) ORDER BY change_id, id");
        try (var statement = connection.prepareStatement(select.toString())) {
            statement.setArray(1, connection.createArrayOf("bigint", changeIds.toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var details = new HashMap<String, String>();
                    for (var name : TEXT_DETAILS) {
                        Optional.ofNullable(rows.getString("t_" + name)).ifPresent(v -> details.put(name, v));
                    }
                    var lists = new HashMap<String, List<String>>();
                    for (var name : LIST_DETAILS) {
                        stringArray(rows, "l_" + name).ifPresent(v -> lists.put(name, v));
                    }
                    byChange.computeIfAbsent(rows.getLong("change_id"), k -> new ArrayList<>()).add(new RecordedEvent(
                            rows.getString("type"), rows.getString("actor_id"), rows.getTimestamp("occurred_at").toInstant(),
                            details, lists));
                }
            }
        }
        return byChange;
    }

    private Map<Long, List<FollowUpRecord>> followUps(java.util.Set<Long> changeIds) throws SQLException {
        var byChange = new HashMap<Long, List<FollowUpRecord>>();
        if (changeIds.isEmpty()) {
            return byChange;
        }
        var sql = "SELECT c.id, o->>'name' AS name, o->>'dueAt' AS due, o->>'satisfiedBy' AS by, o->>'satisfiedAt' AS at"
                + " FROM change_request c, jsonb_array_elements(c.obligations) WITH ORDINALITY AS x(o, n)"
                + " WHERE c.id = ANY(?) AND jsonb_typeof(c.obligations) = 'array' ORDER BY c.id, x.n";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("bigint", changeIds.toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    byChange.computeIfAbsent(rows.getLong("id"), k -> new ArrayList<>()).add(new FollowUpRecord(
                            rows.getString("name"), Instant.parse(rows.getString("due")),
                            Optional.ofNullable(rows.getString("by")),
                            Optional.ofNullable(rows.getString("at")).map(Instant::parse)));
                }
            }
        }
        return byChange;
    }

    private List<ChainEntry> chain(String workspaceId) throws SQLException {
        var entries = new ArrayList<ChainEntry>();
        try (var statement = prepare("SELECT seq, prev_hash, hash, body FROM audit_entry WHERE chain_id = ? ORDER BY seq",
                workspaceId)) {
            statement.setFetchSize(1000);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new ChainEntry(workspaceId, rows.getLong(1), rows.getBytes(2), rows.getBytes(3),
                            rows.getString(4)));
                }
            }
        }
        return entries;
    }

    private Optional<CarriedCheckpoint> newestCheckpoint(String workspaceId) throws SQLException {
        try (var statement = prepare("SELECT note, size FROM audit_checkpoint WHERE chain_id = ?"
                + " ORDER BY size DESC, taken_at DESC LIMIT 1", workspaceId); var rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(new CarriedCheckpoint(rows.getString(1), rows.getLong(2))) : Optional.empty();
        }
    }

    /**
     * Records a checkpoint as the checkpoint job does — one per chain state: (chain_id, size) is unique,
     * so a state signed already keeps its first checkpoint — and returns the one recorded for that state.
     */
    CarriedCheckpoint recordCheckpoint(Checkpoint checkpoint, String note, VerifierKey key) throws SQLException {
        var chainId = checkpoint.chainId().orElseThrow();
        try (var insert = prepare("INSERT INTO audit_checkpoint (chain_id, size, head_hash, taken_at, note, key_name, key_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", chainId, checkpoint.size(), checkpoint.headHash(),
                Timestamp.from(checkpoint.takenAt()), note, key.name(), String.format("%08x", key.keyId()))) {
            insert.executeUpdate();
        }
        try (var statement = prepare("SELECT note, size FROM audit_checkpoint WHERE chain_id = ? AND size = ?",
                chainId, checkpoint.size()); var rows = statement.executeQuery()) {
            rows.next();
            return new CarriedCheckpoint(rows.getString(1), rows.getLong(2));
        }
    }

    /** The period's successful deployments nothing covered (V35), by the time they were reported. */
    private List<UnauthorizedDeploymentRecord> unauthorizedDeployments(String workspaceId, Period period)
            throws SQLException {
        var found = new ArrayList<UnauthorizedDeploymentRecord>();
        try (var statement = prepare("SELECT reported_at, reported_by, source, service, environment, change_number,"
                + " uncovered_why, version, pipeline_url FROM deployment WHERE workspace_id = ? AND NOT covered"
                + " AND status = 'succeeded' AND reported_at >= ? AND reported_at < ? ORDER BY reported_at, id",
                workspaceId, Timestamp.from(period.from()), Timestamp.from(period.until()));
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                var service = rows.getString("service");
                var environment = rows.getString("environment");
                var number = rows.getLong("change_number");
                var change = rows.wasNull() ? Optional.<String>empty() : Optional.of("CHG-" + number);
                found.add(new UnauthorizedDeploymentRecord(rows.getTimestamp("reported_at").toInstant(),
                        rows.getString("reported_by"), rows.getString("source"),
                        service == null ? environment : service + " in " + environment, change,
                        rows.getString("uncovered_why"), Optional.ofNullable(rows.getString("version")),
                        Optional.ofNullable(rows.getString("pipeline_url"))));
            }
        }
        return found;
    }

    private long single(String sql, Object... parameters) throws SQLException {
        try (var statement = prepare(sql, parameters); var rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        var statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Optional<List<String>> stringArray(ResultSet rows, String column) throws SQLException {
        Array array = rows.getArray(column);
        return array == null ? Optional.empty() : Optional.of(List.of((String[]) array.getArray()));
    }
}
