package dev.changebot.persistence;

import dev.changebot.application.port.CheckpointPosts;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The audit channel's queue in {@code audit_checkpoint_delivery} (claims, attempts, leases like the
 * outbox), and the record of each post or its problem in the append-only {@code audit_checkpoint_post}.
 */
@Singleton
class PostgresCheckpointPosts extends PostgresQueue<CheckpointPosts.Pending> implements CheckpointPosts {

    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE audit_checkpoint_delivery SET next_attempt_at = ?
                 WHERE id IN (SELECT id FROM audit_checkpoint_delivery
                               WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
                               ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, checkpoint_id, attempts)
            SELECT claimed.id, claimed.checkpoint_id, claimed.attempts, k.chain_id, k.size, k.note
              FROM claimed JOIN audit_checkpoint k ON k.id = claimed.checkpoint_id""";
    private static final String POSTED = """
            INSERT INTO audit_checkpoint_post (checkpoint_id, channel_id, message_ts, permalink, problem, posted_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    PostgresCheckpointPosts(JdbcOperations jdbc, ConnectionOperations<Connection> connections) {
        super(new QueueTable<>(jdbc, connections, "audit_checkpoint_delivery", "id",
                row -> new Pending(row.getLong("id"), row.getLong("checkpoint_id"), row.getString("chain_id"),
                        row.getLong("size"), row.getString("note"), row.getInt("attempts"))), Pending::id);
    }

    @Override
    public List<Pending> claimDue(Instant now, Duration lease, int limit) {
        var claimed = new java.util.ArrayList<>(table.claim(CLAIM, Timestamp.from(now.plus(lease)), Timestamp.from(now),
                limit));
        claimed.sort(Comparator.comparingLong(Pending::id));
        return claimed;
    }

    @Override
    public void witnessed(Pending pending, String channelId, String messageTs, String permalink, Instant at) {
        table.update(POSTED, pending.checkpointId(), channelId, messageTs, permalink, null, Timestamp.from(at));
        delivered(pending, at);
    }

    @Override
    public void notWitnessed(Pending pending, String channel, String problem, Instant at) {
        table.update(POSTED, pending.checkpointId(), channel, null, null, problem, Timestamp.from(at));
        failed(pending, at, problem);
    }
}
