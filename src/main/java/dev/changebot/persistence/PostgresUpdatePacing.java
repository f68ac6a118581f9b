package dev.changebot.persistence;

import dev.changebot.application.port.UpdatePacing;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat.update pace in PostgreSQL: a token bucket per workspace kept as one timestamp (the
 * "generic cell rate algorithm"): {@code theoretical_at} is when the bucket would be full again.
 * Each reservation moves it one interval per slot on, from now or from where it was, whichever is
 * later; a slot is when its interval ends less the whole bucket, so {@code burst} updates go at once
 * and the rest one interval apart. One statement for a batch's slots, whichever node asks.
 */
@Singleton
class PostgresUpdatePacing implements UpdatePacing {

    private static final String RESERVE = """
            INSERT INTO slack_update_pace AS pace (workspace_id, theoretical_at) VALUES (?, ?)
            ON CONFLICT (workspace_id) DO UPDATE
               SET theoretical_at = GREATEST(pace.theoretical_at, EXCLUDED.theoretical_at - make_interval(secs => ?))
                                    + make_interval(secs => ?)
            RETURNING theoretical_at""";

    /** After a 429 the bucket is empty until {@code until}: the next slot is then, not before. */
    private static final String BLOCK = """
            INSERT INTO slack_update_pace AS pace (workspace_id, theoretical_at) VALUES (?, ?)
            ON CONFLICT (workspace_id) DO UPDATE
               SET theoretical_at = GREATEST(pace.theoretical_at, EXCLUDED.theoretical_at)""";

    private final JdbcOperations jdbc;
    private final Duration interval;
    private final int burst;

    PostgresUpdatePacing(JdbcOperations jdbc,
                         @Value("${changebot.slack.updates-per-minute:50}") int perMinute,
                         @Value("${changebot.slack.update-burst:20}") int burst) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("changebot.slack.updates-per-minute and update-burst must be at least 1");
        }
        this.jdbc = jdbc;
        this.interval = Duration.ofMinutes(1).dividedBy(perMinute);
        this.burst = burst;
    }

    @Override
    public List<Instant> reserve(String workspaceId, Instant now, int count) {
        var taken = interval.multipliedBy(count);
        double seconds = taken.toNanos() / 1e9;
        var full = jdbc.prepareStatement(RESERVE, statement -> {
            try {
                statement.setString(1, workspaceId);
                statement.setTimestamp(2, Timestamp.from(now.plus(taken)));
                statement.setDouble(3, seconds);
                statement.setDouble(4, seconds);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getTimestamp(1).toInstant();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not pace message updates in " + workspaceId, e);
            }
        });
        // The j-th of the count taken would empty the bucket at full - (count - j) intervals.
        var slots = new ArrayList<Instant>(count);
        for (int j = 1; j <= count; j++) {
            var slot = full.minus(interval.multipliedBy((long) count - j + burst));
            slots.add(slot.isAfter(now) ? slot : now);
        }
        return slots;
    }

    @Override
    public void rateLimited(String workspaceId, Instant until) {
        // Empty until then: the next reservation moves it one interval on, so its slot is until itself.
        SqlWrites.update(jdbc, "pause message updates in " + workspaceId, BLOCK, workspaceId,
                Timestamp.from(until.plus(interval.multipliedBy(burst - 1L))));
    }
}
