package dev.changebot.persistence.calendar;

import dev.changebot.application.port.ConflictLedger;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.schedule.RecordedConflict;
import dev.changebot.persistence.gate.Rows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    public List<RecordedConflict> recordNew(String workspaceId, List<RecordedConflict> conflicts) {
        var recorded = new ArrayList<RecordedConflict>();
        for (var conflict : conflicts) {
            int rows = Rows.update(jdbc, "record a conflict", "INSERT INTO change_conflict (workspace_id, change_low,"
                    + " change_high, kind, requested, overlap_start, overlap_end, rule, detected_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", workspaceId,
                    conflict.low().number(), conflict.high().number(), conflict.kind().name(),
                    conflict.requested().number(), Rows.at(conflict.overlap().start()), Rows.at(conflict.overlap().end()),
                    conflict.rule().key(), Rows.at(conflict.detectedAt()));
            if (rows == 1) {
                recorded.add(conflict);
            }
        }
        return recorded;
    }

    @Override
    public Set<ChangeId> partnersOf(String workspaceId, ChangeId id) {
        return new HashSet<>(Rows.query(jdbc, "read a change's conflicts", row -> new ChangeId(row.getLong(1)),
                "SELECT change_high FROM change_conflict WHERE workspace_id = ? AND change_low = ?"
                        + " UNION SELECT change_low FROM change_conflict WHERE workspace_id = ? AND change_high = ?",
                workspaceId, id.number(), workspaceId, id.number()));
    }
}
