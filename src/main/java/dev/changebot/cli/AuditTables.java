package dev.changebot.cli;

import dev.changebot.domain.audit.CanonicalJson;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.VerifierKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The few statements the audit commands run on the bot's database, in plain JDBC: the command line
 * runs without the server and its persistence adapters. The same tables and the same rules as the
 * server's (a chain state is signed once: the unique (chain_id, size) makes a second insert do nothing).
 */
final class AuditTables {

    record Chain(String id, long size, byte[] head, Long newestSize, Instant newestAt) {

        boolean unsigned() {
            return size > 0 && (newestSize == null || newestSize < size);
        }
    }

    private AuditTables() {
    }

    static List<Chain> chains(Connection connection) throws SQLException {
        var sql = """
                SELECT c.chain_id, c.size, c.head_hash, n.size AS newest_size, n.taken_at AS newest_at
                  FROM audit_chain c
                  LEFT JOIN LATERAL (SELECT size, taken_at FROM audit_checkpoint k WHERE k.chain_id = c.chain_id
                                      ORDER BY size DESC, taken_at DESC LIMIT 1) n ON true
                 ORDER BY c.chain_id""";
        try (var statement = connection.prepareStatement(sql); var rows = statement.executeQuery()) {
            var chains = new ArrayList<Chain>();
            while (rows.next()) {
                var newestAt = rows.getTimestamp("newest_at");
                chains.add(new Chain(rows.getString("chain_id"), rows.getLong("size"), rows.getBytes("head_hash"),
                        newestAt == null ? null : rows.getLong("newest_size"), newestAt == null ? null : newestAt.toInstant()));
            }
            return chains;
        }
    }

    /** True when recorded; false when this chain state was signed meanwhile (by the bot). */
    static boolean record(Connection connection, Checkpoint checkpoint, String note, VerifierKey key) throws SQLException {
        var sql = """
                INSERT INTO audit_checkpoint (chain_id, size, head_hash, taken_at, note, key_name, key_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, checkpoint.chainId().orElseThrow());
            statement.setLong(2, checkpoint.size());
            statement.setBytes(3, checkpoint.headHash());
            statement.setTimestamp(4, Timestamp.from(checkpoint.takenAt()));
            statement.setString(5, note);
            statement.setString(6, key.name());
            statement.setString(7, String.format("%08x", key.keyId()));
            return statement.executeUpdate() == 1;
        }
    }

    /** The workspaces whose chains a key rotation is recorded in: those with a chain, else those with events. */
    static List<String> workspaces(Connection connection) throws SQLException {
        var sql = """
                SELECT chain_id AS w FROM audit_chain
                UNION SELECT DISTINCT workspace_id FROM change_event WHERE NOT EXISTS (SELECT FROM audit_chain)
                ORDER BY 1""";
        try (var statement = connection.prepareStatement(sql); var rows = statement.executeQuery()) {
            var workspaces = new ArrayList<String>();
            while (rows.next()) {
                workspaces.add(rows.getString(1));
            }
            return workspaces;
        }
    }

    /**
     * A fact for the audit chain, written where the AuditNotes port writes it ({@code audit_note}); the
     * sequencer chains it like any other.
     */
    static void note(Connection connection, String workspaceId, String kind, String actorId, Instant at,
                     Map<String, Object> details) throws SQLException {
        var sql = "INSERT INTO audit_note (workspace_id, kind, actor_id, occurred_at, details) VALUES (?, ?, ?, ?, CAST(? AS jsonb))";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, workspaceId);
            statement.setString(2, kind);
            statement.setString(3, actorId);
            statement.setTimestamp(4, Timestamp.from(at));
            statement.setString(5, CanonicalJson.write(details));
            statement.executeUpdate();
        }
    }
}
