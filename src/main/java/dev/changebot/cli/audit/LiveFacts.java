package dev.changebot.cli.audit;

import dev.changebot.domain.audit.ChainVerifier;
import dev.changebot.domain.audit.EntryBody;
import dev.changebot.domain.audit.JsonText;
import dev.changebot.domain.audit.SourceFact;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The facts where they were first written, compared with their entries: a change_event row (or an
 * audit note, a declared freeze) edited after it was chained no longer matches its entry's body; a
 * chained row deleted leaves an entry whose source is gone; a row deleted before it was chained
 * cannot be seen, but any row left unchained longer than the bound is reported (the sequencer
 * chains within seconds), and the change numbers' gaps show a change that lost its opening event.
 */
final class LiveFacts {

    private LiveFacts() {
    }

    private interface FactReader {
        SourceFact read(ResultSet rows) throws SQLException;
    }

    static void compare(Connection connection, ChainVerifier verifier, Duration unchainedBound) throws SQLException {
        var cutoff = Timestamp.from(now(connection).minus(unchainedBound));
        var counts = new long[3];
        compare(connection, verifier, cutoff, counts, "SELECT ce.id, ce.type, ce.actor_id, ce.occurred_at, ce.recorded_at,"
                + " ce.details::text AS details, cr.number, e.seq, e.body FROM change_event ce"
                + " JOIN change_request cr ON cr.id = ce.change_id LEFT JOIN audit_entry e ON e.source = 'change_event'"
                + " AND e.source_id = ce.id WHERE ce.workspace_id = ? ORDER BY ce.id",
                rows -> new SourceFact(rows.getString("type"), rows.getLong("number"), rows.getString("actor_id"),
                        instant(rows, "occurred_at"), instant(rows, "recorded_at"), SourceFact.CHANGE_EVENT,
                        rows.getLong("id"), JsonText.object(rows.getString("details"))));
        compare(connection, verifier, cutoff, counts, "SELECT n.id, n.kind, n.actor_id, n.occurred_at, n.recorded_at,"
                + " n.details::text AS details, e.seq, e.body FROM audit_note n LEFT JOIN audit_entry e"
                + " ON e.source = 'audit_note' AND e.source_id = n.id WHERE n.workspace_id = ? ORDER BY n.id",
                rows -> new SourceFact(rows.getString("kind"), null, rows.getString("actor_id"),
                        instant(rows, "occurred_at"), instant(rows, "recorded_at"), SourceFact.AUDIT_NOTE,
                        rows.getLong("id"), JsonText.object(rows.getString("details"))));
        compare(connection, verifier, cutoff, counts, "SELECT f.id, f.reason, f.declared_by, f.starts_at, f.ends_at,"
                + " f.starts_at AS recorded_at, e.seq, e.body FROM declared_freeze f LEFT JOIN audit_entry e"
                + " ON e.source = 'freeze_declared' AND e.source_id = f.id WHERE f.workspace_id = ? ORDER BY f.id",
                rows -> SourceFact.freezeDeclared(rows.getLong("id"), rows.getString("reason"),
                        rows.getString("declared_by"), instant(rows, "starts_at"),
                        rows.getTimestamp("ends_at") == null ? null : instant(rows, "ends_at")));
        compare(connection, verifier, cutoff, counts, "SELECT f.id, f.reason, f.lifted_by, f.lifted_at,"
                + " f.lifted_at AS recorded_at, e.seq, e.body FROM declared_freeze f LEFT JOIN audit_entry e"
                + " ON e.source = 'freeze_lifted' AND e.source_id = f.id WHERE f.workspace_id = ?"
                + " AND f.lifted_at IS NOT NULL ORDER BY f.id",
                rows -> SourceFact.freezeLifted(rows.getLong("id"), rows.getString("reason"), rows.getString("lifted_by"),
                        instant(rows, "lifted_at")));
        orphans(connection, verifier);
        verifier.note("recorded facts: " + counts[0] + " match their entries, " + counts[1] + " differ or were never chained, " + counts[2]
                + " not chained yet (within " + unchainedBound.toSeconds() + " s of recording)");
    }

    private static void compare(Connection connection, ChainVerifier verifier, Timestamp cutoff, long[] counts,
                                String sql, FactReader reader) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(2000);
            statement.setString(1, verifier.chainId());
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var fact = reader.read(rows);
                    long seq = rows.getLong("seq");
                    if (rows.wasNull()) {
                        if (rows.getTimestamp("recorded_at").before(cutoff)) {
                            counts[1]++;
                            verifier.problem(null, fact.sourceRef() + " (" + fact.kind() + ", recorded "
                                    + fact.recorded() + ") was never chained: its entry is missing");
                        } else {
                            counts[2]++;
                        }
                        continue;
                    }
                    EntryBody stored;
                    try {
                        stored = EntryBody.parse(rows.getString("body"));
                    } catch (IllegalArgumentException unreadable) {
                        counts[1]++;
                        continue; // the entry's own check reports it
                    }
                    var differences = fact.body(verifier.chainId(), seq).differences(stored);
                    if (differences.isEmpty()) {
                        counts[0]++;
                    } else {
                        counts[1]++;
                        verifier.problem(seq, "the recorded " + fact.sourceRef() + " differs from its entry: "
                                + String.join("; ", differences) + " (recorded now vs chained)");
                    }
                }
            }
        }
    }

    /** Entries whose fact is gone from where it was recorded (deleted after chaining). */
    private static void orphans(Connection connection, ChainVerifier verifier) throws SQLException {
        var sql = "SELECT e.seq, e.source, e.source_id FROM audit_entry e WHERE e.chain_id = ? AND ("
                + " (e.source = 'change_event' AND NOT EXISTS (SELECT 1 FROM change_event t WHERE t.id = e.source_id))"
                + " OR (e.source = 'audit_note' AND NOT EXISTS (SELECT 1 FROM audit_note t WHERE t.id = e.source_id))"
                + " OR (e.source = 'freeze_declared' AND NOT EXISTS (SELECT 1 FROM declared_freeze t WHERE t.id = e.source_id))"
                + " OR (e.source = 'freeze_lifted' AND NOT EXISTS (SELECT 1 FROM declared_freeze t WHERE t.id = e.source_id"
                + " AND t.lifted_at IS NOT NULL))) ORDER BY e.seq";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, verifier.chainId());
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    verifier.problem(rows.getLong("seq"), "its fact " + rows.getString("source") + ":"
                            + rows.getLong("source_id") + " is gone from where it was recorded (deleted)");
                }
            }
        }
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        return rows.getTimestamp(column).toInstant();
    }

    private static Instant now(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("SELECT now()")) {
            rows.next();
            return rows.getTimestamp(1).toInstant();
        }
    }
}
