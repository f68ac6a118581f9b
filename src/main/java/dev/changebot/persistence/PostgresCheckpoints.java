package dev.changebot.persistence;

import dev.changebot.application.port.CheckpointLedger;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.VerifierKey;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checkpoints in {@code audit_checkpoint}, chain heads from {@code audit_chain}, posts in {@code audit_checkpoint_post}. */
@Singleton
class PostgresCheckpoints implements CheckpointLedger {

    /** Each chain with its newest checkpoint (docs: by size, then time). */
    private static final String CHAINS = """
            SELECT c.chain_id, c.size, c.head_hash, n.size AS newest_size, n.taken_at AS newest_at
              FROM audit_chain c
              LEFT JOIN LATERAL (SELECT size, taken_at FROM audit_checkpoint k WHERE k.chain_id = c.chain_id
                                  ORDER BY size DESC, taken_at DESC LIMIT 1) n ON true
             ORDER BY c.chain_id""";
    private static final String RECORD = """
            INSERT INTO audit_checkpoint (chain_id, size, head_hash, taken_at, note, key_name, key_id)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String QUEUE_UNPOSTED = """
            INSERT INTO audit_checkpoint_delivery (checkpoint_id, next_attempt_at)
            SELECT k.id, ? FROM audit_checkpoint k
             WHERE NOT EXISTS (SELECT FROM audit_checkpoint_delivery d WHERE d.checkpoint_id = k.id)
            ON CONFLICT (checkpoint_id) DO NOTHING""";
    private static final String NEWEST_SIGNER = """
            SELECT key_name, key_id, taken_at, (SELECT count(*) FROM audit_checkpoint) AS n
              FROM audit_checkpoint ORDER BY taken_at DESC, id DESC LIMIT 1""";
    private static final String LAST_POST = """
            SELECT channel_id, problem, posted_at FROM audit_checkpoint_post ORDER BY posted_at DESC LIMIT 1""";

    private final JdbcOperations jdbc;

    PostgresCheckpoints(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ChainState> chains() {
        return query(CHAINS, "read the audit chains", rows -> {
            var chains = new ArrayList<ChainState>();
            while (rows.next()) {
                var newestAt = rows.getTimestamp("newest_at");
                var newest = newestAt == null ? Optional.<Newest>empty()
                        : Optional.of(new Newest(rows.getLong("newest_size"), newestAt.toInstant()));
                chains.add(new ChainState(rows.getString("chain_id"), rows.getLong("size"), rows.getBytes("head_hash"),
                        newest));
            }
            return chains;
        });
    }

    @Override
    public boolean record(Checkpoint checkpoint, String note, VerifierKey key) {
        var chainId = checkpoint.chainId().orElseThrow(() -> new IllegalArgumentException(
                "Not a checkpoint of an audit chain: " + checkpoint.origin()));
        return update("record a checkpoint", RECORD, chainId, checkpoint.size(), checkpoint.headHash(),
                Timestamp.from(checkpoint.takenAt()), note, key.name(), String.format("%08x", key.keyId())) == 1;
    }

    @Override
    public int queueUnposted(Instant now) {
        return update("queue checkpoints for the audit channel", QUEUE_UNPOSTED, Timestamp.from(now));
    }

    @Override
    public Optional<KeyUse> newestSigner() {
        return query(NEWEST_SIGNER, "read the newest checkpoint", rows -> rows.next()
                ? Optional.of(new KeyUse(rows.getString("key_name"), rows.getString("key_id"), rows.getLong("n"),
                        rows.getTimestamp("taken_at").toInstant()))
                : Optional.empty());
    }

    @Override
    public Optional<PostProblem> lastPostProblem() {
        return query(LAST_POST, "read the newest checkpoint post", rows -> rows.next() && rows.getString("problem") != null
                ? Optional.of(new PostProblem(rows.getString("channel_id"), rows.getString("problem"),
                        rows.getTimestamp("posted_at").toInstant()))
                : Optional.empty());
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, String what, Reader<T> reader) {
        return jdbc.prepareStatement(sql, (PreparedStatement statement) -> {
            try (var rows = statement.executeQuery()) {
                return reader.read(rows);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not " + what, e);
            }
        });
    }

    private int update(String what, String sql, Object... parameters) {
        return SqlWrites.update(jdbc, what, sql, parameters);
    }
}
