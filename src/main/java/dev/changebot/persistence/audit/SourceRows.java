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
 * The facts of one workspace not chained yet, read from the tables they were first written to, in one
 * statement: change_event (with its change's number), audit_note, and declared_freeze (declared; lifted),
 * each branch in the one row shape below. Freezes are few (declared by hand), so they are looked through
 * without a floor.
 */
final class SourceRows {

    /**
     * A condition to append to a WHERE clause: the fact of {@code source} whose row id is {@code id} has no
     * entry yet. Both are our own names, never input. The look ({@link WaitingChains}) uses it too.
     */
    static String andNotChained(String source, String id) {
        return " AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.source = '" + source + "'"
                + " AND e.source_id = " + id + ")";
    }

    /** Parameters: workspace, event floor, limit; workspace, note floor, limit; workspace; workspace. */
    private static final String WAITING = """
            (SELECT '%s' AS source, ce.id, ce.type AS kind, ce.actor_id AS actor, ce.occurred_at, ce.recorded_at,
                    CAST(ce.details AS text) AS details, cr.number, CAST(NULL AS text) AS reason,
                    CAST(NULL AS timestamptz) AS ends_at
               FROM change_event ce JOIN change_request cr ON cr.id = ce.change_id
              WHERE ce.workspace_id = ? AND ce.id > ?%s ORDER BY ce.id LIMIT ?)
            UNION ALL
            (SELECT '%s', n.id, n.kind, n.actor_id, n.occurred_at, n.recorded_at, CAST(n.details AS text),
                    NULL, NULL, NULL
               FROM audit_note n WHERE n.workspace_id = ? AND n.id > ?%s ORDER BY n.id LIMIT ?)
            UNION ALL
            SELECT '%s', f.id, NULL, f.declared_by, f.starts_at, NULL, NULL, NULL, f.reason, f.ends_at
              FROM declared_freeze f WHERE f.workspace_id = ?%s
            UNION ALL
            SELECT '%s', f.id, NULL, f.lifted_by, f.lifted_at, NULL, NULL, NULL, f.reason, NULL
              FROM declared_freeze f WHERE f.workspace_id = ? AND f.lifted_at IS NOT NULL%s""".formatted(
            SourceFact.CHANGE_EVENT, andNotChained(SourceFact.CHANGE_EVENT, "ce.id"),
            SourceFact.AUDIT_NOTE, andNotChained(SourceFact.AUDIT_NOTE, "n.id"),
            SourceFact.FREEZE_DECLARED, andNotChained(SourceFact.FREEZE_DECLARED, "f.id"),
            SourceFact.FREEZE_LIFTED, andNotChained(SourceFact.FREEZE_LIFTED, "f.id"));

    /**
     * @param facts  every fact read, in no particular order
     * @param events how many change events were read (the limit: more may wait)
     * @param notes  how many audit notes were read (likewise)
     */
    record Waiting(List<SourceFact> facts, int events, int notes) {
    }

    private SourceRows() {
    }

    static Waiting waiting(Connection connection, String workspace, long eventsAbove, long notesAbove, int limit)
            throws SQLException {
        try (var statement = connection.prepareStatement(WAITING)) {
            statement.setString(1, workspace);
            statement.setLong(2, eventsAbove);
            statement.setInt(3, limit);
            statement.setString(4, workspace);
            statement.setLong(5, notesAbove);
            statement.setInt(6, limit);
            statement.setString(7, workspace);
            statement.setString(8, workspace);
            var facts = new ArrayList<SourceFact>();
            int events = 0;
            int notes = 0;
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var source = rows.getString("source");
                    facts.add(fact(source, rows));
                    events += SourceFact.CHANGE_EVENT.equals(source) ? 1 : 0;
                    notes += SourceFact.AUDIT_NOTE.equals(source) ? 1 : 0;
                }
            }
            return new Waiting(facts, events, notes);
        }
    }

    private static SourceFact fact(String source, ResultSet rows) throws SQLException {
        long id = rows.getLong("id");
        var actor = rows.getString("actor");
        var at = rows.getTimestamp("occurred_at").toInstant();
        switch (source) {
            case SourceFact.CHANGE_EVENT:
                return new SourceFact(rows.getString("kind"), rows.getLong("number"), actor, at,
                        rows.getTimestamp("recorded_at").toInstant(), source, id, details(rows.getString("details")));
            case SourceFact.AUDIT_NOTE:
                return new SourceFact(rows.getString("kind"), null, actor, at,
                        rows.getTimestamp("recorded_at").toInstant(), source, id, details(rows.getString("details")));
            case SourceFact.FREEZE_DECLARED:
                var ends = rows.getTimestamp("ends_at");
                return SourceFact.freezeDeclared(id, rows.getString("reason"), actor, at,
                        ends == null ? null : ends.toInstant());
            case SourceFact.FREEZE_LIFTED:
                return SourceFact.freezeLifted(id, rows.getString("reason"), actor, at);
            default:
                throw new IllegalStateException("Not a source of facts: " + source);
        }
    }

    /** JSONB as the body holds it: canonical values (whole numbers; a fraction kept as its text). */
    private static Map<String, Object> details(String json) {
        return json == null ? Map.of() : JsonText.object(json);
    }
}
