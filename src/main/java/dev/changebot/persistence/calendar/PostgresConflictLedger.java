package dev.changebot.persistence.calendar;

import dev.changebot.application.port.ConflictLedger;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.schedule.RecordedConflict;
import dev.changebot.domain.schedule.UnlistedConflicts;
import dev.changebot.persistence.gate.Rows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Conflicts in PostgreSQL (change_conflict): INSERT … ON CONFLICT DO NOTHING on the unordered pair and the
 * kind, so of two instances (or a retry) inserting the same conflict one gets the row and tells it; the
 * other waits for the first's commit on the key and finds it there.
 */
@Singleton
class PostgresConflictLedger implements ConflictLedger {

    private final JdbcOperations jdbc;

    PostgresConflictLedger(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void oneAtATime(String workspaceId) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('change-request:' || ?))", statement -> {
            try {
                statement.setString(1, workspaceId);
                statement.execute();
                return null;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not take the workspace's request lock", e);
            }
        });
    }

    /** One statement for them all: a request planned over many changes costs one round trip, not one per pair. */
    @Override
    public List<RecordedConflict> recordNew(String workspaceId, List<RecordedConflict> conflicts) {
        if (conflicts.isEmpty()) {
            return List.of();
        }
        int n = conflicts.size();
        var lows = new Long[n];
        var highs = new Long[n];
        var kinds = new String[n];
        var requested = new Long[n];
        var starts = new String[n];
        var ends = new String[n];
        var rules = new String[n];
        var detected = new String[n];
        for (int i = 0; i < n; i++) {
            var c = conflicts.get(i);
            lows[i] = c.low().number();
            highs[i] = c.high().number();
            kinds[i] = c.kind().name();
            requested[i] = c.requested().number();
            starts[i] = c.overlap().start().toString();
            ends[i] = c.overlap().end().toString();
            rules[i] = c.rule().key();
            detected[i] = c.detectedAt().toString();
        }
        var inserted = new HashSet<String>(Rows.query(jdbc, "record conflicts", row -> row.getLong(1) + ":"
                + row.getLong(2) + ":" + row.getString(3), "INSERT INTO change_conflict (workspace_id, change_low,"
                + " change_high, kind, requested, overlap_start, overlap_end, rule, detected_at)"
                + " SELECT ?, l, h, k, r, s, e, u, d FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[],"
                + " ?::timestamptz[], ?::timestamptz[], ?::text[], ?::timestamptz[]) AS t(l, h, k, r, s, e, u, d)"
                + " ON CONFLICT DO NOTHING RETURNING change_low, change_high, kind",
                workspaceId, lows, highs, kinds, requested, starts, ends, rules, detected));
        var recorded = new ArrayList<RecordedConflict>();
        for (var c : conflicts) {
            if (inserted.contains(c.low().number() + ":" + c.high().number() + ":" + c.kind().name())) {
                recorded.add(c);
            }
        }
        return recorded;
    }

    @Override
    public void recordUnlisted(String workspaceId, UnlistedConflicts unlisted) {
        Rows.update(jdbc, "record unlisted conflicts", "INSERT INTO change_conflict_unlisted (workspace_id,"
                + " change_number, other_changes, kinds, span_start, span_end, rule, detected_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", workspaceId, unlisted.requested().number(),
                unlisted.otherChanges(), unlisted.kinds().stream().map(Enum::name).collect(Collectors.joining(",")),
                Timestamp.from(unlisted.span().start()), Timestamp.from(unlisted.span().end()), unlisted.rule().key(),
                Timestamp.from(unlisted.detectedAt()));
    }

    @Override
    public Set<ChangeId> partnersOf(String workspaceId, ChangeId id) {
        return new HashSet<>(Rows.query(jdbc, "read a change's conflicts", row -> new ChangeId(row.getLong(1)),
                "SELECT change_high FROM change_conflict WHERE workspace_id = ? AND change_low = ?"
                        + " UNION SELECT change_low FROM change_conflict WHERE workspace_id = ? AND change_high = ?",
                workspaceId, id.number(), workspaceId, id.number()));
    }
}
