package dev.changebot.persistence;

import dev.changebot.application.request.Delivery;
import dev.changebot.application.port.DeliveryLedger;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The delivery ledger in PostgreSQL. Taking a key is an insert that does nothing on conflict: a
 * second transaction inserting the same key waits on the first one's uncommitted row, then finds
 * it committed (and reads its answer) or gone (and takes the key itself).
 */
@Singleton
class PostgresDeliveryLedger implements DeliveryLedger {

    private static final String CLAIM = """
            INSERT INTO slack_delivery (workspace_id, kind, delivery_key, received_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (workspace_id, kind, delivery_key) DO NOTHING""";
    private static final String EARLIER = "SELECT answer FROM slack_delivery WHERE workspace_id = ? AND kind = ? AND delivery_key = ?";
    private static final String ANSWERED = "UPDATE slack_delivery SET answer = ? WHERE workspace_id = ? AND kind = ? AND delivery_key = ?";
    private static final String RELEASE = "DELETE FROM slack_delivery WHERE workspace_id = ? AND kind = ? AND delivery_key = ?";
    private static final String PRUNE = "DELETE FROM slack_delivery WHERE received_at < ?";

    private final JdbcOperations jdbc;

    PostgresDeliveryLedger(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> claim(Delivery delivery, Instant receivedAt) {
        // The earlier row can vanish between the two statements (released, pruned): then try again.
        for (int attempt = 0; attempt < 3; attempt++) {
            if (update(CLAIM, delivery.workspaceId(), delivery.kind(), delivery.key(), Timestamp.from(receivedAt)) == 1) {
                return Optional.empty();
            }
            var earlier = earlierAnswer(delivery);
            if (earlier.isPresent()) {
                return earlier;
            }
        }
        throw new IllegalStateException("The key of a Slack delivery kept appearing and vanishing");
    }

    @Override
    public void answered(Delivery delivery, String answer) {
        update(ANSWERED, answer, delivery.workspaceId(), delivery.kind(), delivery.key());
    }

    @Override
    public void release(Delivery delivery) {
        update(RELEASE, delivery.workspaceId(), delivery.kind(), delivery.key());
    }

    @Override
    public int prune(Instant before) {
        return update(PRUNE, Timestamp.from(before));
    }

    private Optional<String> earlierAnswer(Delivery delivery) {
        return jdbc.prepareStatement(EARLIER, statement -> {
            try {
                statement.setString(1, delivery.workspaceId());
                statement.setString(2, delivery.kind());
                statement.setString(3, delivery.key());
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString("answer")) : Optional.<String>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read an earlier Slack delivery", e);
            }
        });
    }

    private int update(String sql, Object... parameters) {
        return SqlWrites.update(jdbc, "record a Slack delivery", sql, parameters);
    }
}
