package dev.changebot.persistence.calendar;

import dev.changebot.application.port.ChangeSlots;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.schedule.ScheduledChange;
import dev.changebot.persistence.gate.Rows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The changes around a time, from change_request's columns alone: those under way and the planned windows near it,
 * each part read through an index of its own (V57), so the read follows the changes around that time, not how
 * many changes the workspace has open.
 */
@Singleton
class PostgresChangeSlots implements ChangeSlots {

    private static final String COLUMNS = "SELECT number, title, class_name, requester_id, service, systems_affected,"
            + " environment, risk, state, proposed_start, expected_duration_s FROM change_request";
    /** Pending and approved changes with a planned window; written as the two partial indexes' predicate. */
    private static final String PLANNED = "state IN ('PENDING_APPROVAL', 'APPROVED') AND expected_duration_s > 0";

    /**
     * Parameters: workspace, workspace, until, from, workspace, from, limit. A planned window overlaps
     * [from, until) when it starts before {@code until} and ends after {@code from}; since no planned change lasts
     * longer than the workspace's longest, it also starts after {@code from} less that: the range the index reads.
     * Any {@code limit} rows will do when there are more (the caller then shows none); they are put in number
     * order here.
     */
    static final String AROUND = COLUMNS + " WHERE workspace_id = ? AND state IN ('IN_PROGRESS', 'SOAKING')"
            + " UNION ALL " + COLUMNS + " WHERE workspace_id = ? AND " + PLANNED + " AND proposed_start < ?"
            + " AND proposed_start > CAST(? AS timestamptz) - (SELECT max(expected_duration_s) FROM change_request"
            + " WHERE workspace_id = ? AND " + PLANNED + ") * interval '1 second'"
            + " AND proposed_start + expected_duration_s * interval '1 second' > ?"
            + " LIMIT ?";

    private final JdbcOperations jdbc;

    PostgresChangeSlots(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ScheduledChange> around(String workspaceId, Instant from, Instant until, int limit) {
        var found = Rows.query(jdbc, "read the changes around a time", PostgresChangeSlots::slot, AROUND,
                workspaceId, workspaceId, Rows.at(until), Rows.at(from), workspaceId, Rows.at(from), limit);
        return found.stream().sorted(Comparator.comparingLong(slot -> slot.id().number())).toList();
    }

    private static ScheduledChange slot(ResultSet row) throws SQLException {
        var start = Rows.instant(row, "proposed_start");
        long seconds = row.getLong("expected_duration_s");
        Optional<TimeSpan> window = start.isPresent() && !row.wasNull() && seconds > 0
                ? Optional.of(new TimeSpan(start.get(), start.get().plus(Duration.ofSeconds(seconds))))
                : Optional.empty();
        var risk = row.getString("risk");
        return new ScheduledChange(new ChangeId(row.getLong("number")), row.getString("title"),
                row.getString("class_name"), "", row.getString("requester_id"),
                Optional.ofNullable(row.getString("service")), row.getString("systems_affected"),
                row.getString("environment"), risk == null ? "" : risk.toLowerCase(Locale.ROOT),
                ChangeState.valueOf(row.getString("state")), window, "");
    }
}
