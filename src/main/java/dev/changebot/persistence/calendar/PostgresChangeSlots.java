package dev.changebot.persistence.calendar;

import dev.changebot.application.port.ChangeSlots;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.schedule.ScheduledChange;
import dev.changebot.persistence.gate.Rows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The changes around a time, from change_request's columns alone (the open-change index narrows the scan). */
@Singleton
class PostgresChangeSlots implements ChangeSlots {

    private final JdbcOperations jdbc;

    PostgresChangeSlots(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ScheduledChange> around(String workspaceId, Instant from, Instant until, int limit) {
        return Rows.query(jdbc, "read the changes around a time", row -> {
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
        }, "SELECT number, title, class_name, requester_id, service, systems_affected, environment, risk, state,"
                + " proposed_start, expected_duration_s FROM change_request WHERE workspace_id = ?"
                + " AND state IN ('PENDING_APPROVAL', 'APPROVED', 'IN_PROGRESS', 'SOAKING')"
                + " AND (state IN ('IN_PROGRESS', 'SOAKING') OR (expected_duration_s > 0 AND proposed_start < ?"
                + " AND proposed_start + expected_duration_s * interval '1 second' > ?))"
                + " ORDER BY number LIMIT ?", workspaceId, Rows.at(until), Rows.at(from), limit);
    }
}
