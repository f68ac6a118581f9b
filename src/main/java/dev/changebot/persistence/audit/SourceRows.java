package dev.changebot.persistence.audit;

import dev.changebot.domain.audit.JsonText;
import dev.changebot.domain.audit.SourceFact;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts of one workspace not chained yet, read from the tables they were first written to:
 * change_event (with its change's number), audit_note, and declared_freeze (declared; lifted).
 */
final class SourceRows {

    private static final String NOT_CHAINED = " AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.source = '%s'"
            + " AND e.source_id = %s)";

    private SourceRows() {
    }

    static List<SourceFact> changeEvents(Connection connection, String workspace, long above, int limit) throws SQLException {
        var sql = "SELECT ce.id, ce.type, ce.actor_id, ce.occurred_at, ce.recorded_at, ce.details::text AS details,"
                + " cr.number FROM change_event ce JOIN change_request cr ON cr.id = ce.change_id"
                + " WHERE ce.workspace_id = ? AND ce.id > ?" + NOT_CHAINED.formatted(SourceFact.CHANGE_EVENT, "ce.id")
                + " ORDER BY ce.id LIMIT ?";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, workspace);
            statement.setLong(2, above);
            statement.setInt(3, limit);
            var facts = new ArrayList<SourceFact>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    facts.add(new SourceFact(rows.getString("type"), rows.getLong("number"), rows.getString("actor_id"),
                            rows.getTimestamp("occurred_at").toInstant(), rows.getTimestamp("recorded_at").toInstant(),
                            SourceFact.CHANGE_EVENT, rows.getLong("id"), details(rows.getString("details"))));
                }
            }
            return facts;
        }
    }

    static List<SourceFact> notes(Connection connection, String workspace, long above, int limit) throws SQLException {
        var sql = "SELECT n.id, n.kind, n.actor_id, n.occurred_at, n.recorded_at, n.details::text AS details"
                + " FROM audit_note n WHERE n.workspace_id = ? AND n.id > ?"
                + NOT_CHAINED.formatted(SourceFact.AUDIT_NOTE, "n.id") + " ORDER BY n.id LIMIT ?";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, workspace);
            statement.setLong(2, above);
            statement.setInt(3, limit);
            var facts = new ArrayList<SourceFact>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    facts.add(new SourceFact(rows.getString("kind"), null, rows.getString("actor_id"),
                            rows.getTimestamp("occurred_at").toInstant(), rows.getTimestamp("recorded_at").toInstant(),
                            SourceFact.AUDIT_NOTE, rows.getLong("id"), details(rows.getString("details"))));
                }
            }
            return facts;
        }
    }

    /** Freezes are few (declared by hand), so they are looked through without a floor. */
    static List<SourceFact> freezes(Connection connection, String workspace) throws SQLException {
        var sql = "SELECT f.id, f.reason, f.declared_by, f.starts_at, f.ends_at, f.lifted_by, f.lifted_at,"
                + " NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.source = 'freeze_declared' AND e.source_id = f.id)"
                + " AS declared_waiting,"
                + " f.lifted_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.source = 'freeze_lifted'"
                + " AND e.source_id = f.id) AS lifted_waiting"
                + " FROM declared_freeze f WHERE f.workspace_id = ?";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, workspace);
            var facts = new ArrayList<SourceFact>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean("declared_waiting")) {
                        facts.add(freezeDeclared(rows));
                    }
                    if (rows.getBoolean("lifted_waiting")) {
                        facts.add(freezeLifted(rows));
                    }
                }
            }
            return facts;
        }
    }

    private static SourceFact freezeDeclared(ResultSet rows) throws SQLException {
        var ends = rows.getTimestamp("ends_at");
        return SourceFact.freezeDeclared(rows.getLong("id"), rows.getString("reason"), rows.getString("declared_by"),
                rows.getTimestamp("starts_at").toInstant(), ends == null ? null : ends.toInstant());
    }

    private static SourceFact freezeLifted(ResultSet rows) throws SQLException {
        return SourceFact.freezeLifted(rows.getLong("id"), rows.getString("reason"), rows.getString("lifted_by"),
                rows.getTimestamp("lifted_at").toInstant());
    }

    /** JSONB as the body holds it: canonical values (whole numbers; a fraction kept as its text). */
    static Map<String, Object> details(String json) {
        return json == null ? Map.of() : JsonText.object(json);
    }
}
