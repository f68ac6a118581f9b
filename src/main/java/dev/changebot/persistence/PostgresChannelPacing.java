package dev.changebot.persistence;

import dev.changebot.application.port.ChannelPacing;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The per-channel pace in PostgreSQL: one row per channel, its last post; taking a slot is one statement. */
@Singleton
class PostgresChannelPacing implements ChannelPacing {

    /** Inserts or moves the channel's last post to now, unless the last one was under a second ago. */
    private static final String RESERVE = """
            INSERT INTO slack_channel_pace AS pace (channel, last_post_at) VALUES (?, ?)
            ON CONFLICT (channel) DO UPDATE SET last_post_at = EXCLUDED.last_post_at
             WHERE pace.last_post_at <= EXCLUDED.last_post_at - make_interval(secs => ?)
            RETURNING last_post_at""";

    private final JdbcOperations jdbc;

    PostgresChannelPacing(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> reserve(String channel, Instant now) {
        boolean taken = jdbc.prepareStatement(RESERVE, statement -> {
            try {
                statement.setString(1, channel);
                statement.setTimestamp(2, Timestamp.from(now));
                statement.setDouble(3, PER_CHANNEL.toMillis() / 1000.0);
                try (var rows = statement.executeQuery()) {
                    return rows.next();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not pace posts to " + channel, e);
            }
        });
        if (taken) {
            return Optional.empty();
        }
        return Optional.of(jdbc.prepareStatement("SELECT last_post_at FROM slack_channel_pace WHERE channel = ?",
                statement -> {
                    try {
                        statement.setString(1, channel);
                        try (var rows = statement.executeQuery()) {
                            rows.next();
                            return rows.getTimestamp(1).toInstant().plus(PER_CHANNEL);
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("Could not read the pace of " + channel, e);
                    }
                }));
    }
}
