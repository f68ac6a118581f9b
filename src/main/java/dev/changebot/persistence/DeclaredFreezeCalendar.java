package dev.changebot.persistence;

import dev.changebot.application.CalendarStates;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.policy.CalendarState;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Declared freezes not yet lifted, as spans; one without an end runs until someone lifts it. */
@Singleton
class DeclaredFreezeCalendar implements CalendarStates {

    /** "Until lifted" reaches past any horizon the calendar looks at. */
    static final Duration UNTIL_LIFTED = Duration.ofDays(3650);

    private static final String ACTIVE = """
            SELECT starts_at, ends_at FROM declared_freeze
             WHERE workspace_id = ? AND lifted_at IS NULL AND (ends_at IS NULL OR ends_at > ?)""";

    private final JdbcOperations jdbc;

    DeclaredFreezeCalendar(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CalendarState at(String workspaceId, Instant now) {
        return jdbc.prepareStatement(ACTIVE, statement -> {
            try {
                statement.setString(1, workspaceId);
                statement.setObject(2, java.sql.Timestamp.from(now));
                var spans = new ArrayList<TimeSpan>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        var start = rows.getTimestamp("starts_at").toInstant();
                        var end = rows.getTimestamp("ends_at");
                        spans.add(new TimeSpan(start, end == null ? now.plus(UNTIL_LIFTED) : end.toInstant()));
                    }
                }
                return new CalendarState(List.copyOf(spans), Map.of());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the declared freezes", e);
            }
        });
    }
}
