package dev.changebot.persistence;

import dev.changebot.application.port.ReactionLedger;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * The reaction ledger in PostgreSQL. One statement decides: insert the key, or update it only when
 * the event is newer; the row comes back only if something changed. Under concurrent duplicates
 * the row lock makes exactly one delivery win.
 */
@Singleton
class PostgresReactionLedger implements ReactionLedger {

    private static final String RECORD = """
            INSERT INTO reaction_ledger AS l (channel_id, message_ts, reaction, user_id, present, last_event_ts)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (channel_id, message_ts, reaction, user_id) DO UPDATE
               SET present = EXCLUDED.present, last_event_ts = EXCLUDED.last_event_ts
             WHERE l.last_event_ts < EXCLUDED.last_event_ts AND l.present <> EXCLUDED.present
            RETURNING (xmax = 0) AS inserted""";

    private final JdbcOperations jdbc;

    PostgresReactionLedger(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(Reaction reaction, boolean present, String eventTs) {
        return jdbc.prepareStatement(RECORD, statement -> {
            try {
                statement.setString(1, reaction.channelId());
                statement.setString(2, reaction.messageTs());
                statement.setString(3, reaction.name());
                statement.setString(4, reaction.userId());
                statement.setBoolean(5, present);
                statement.setBigDecimal(6, new BigDecimal(eventTs));
                try (var result = statement.executeQuery()) {
                    // No row: a duplicate or a stale delivery. A first sighting of a removal
                    // (before its addition) is recorded but changes nothing.
                    return result.next() && (present || !result.getBoolean("inserted"));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record a reaction", e);
            }
        });
    }
}
