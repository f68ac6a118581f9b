package dev.changebot.support;

import dev.changebot.domain.audit.CanonicalJson;
import dev.changebot.domain.audit.EntryHash;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Audit chain entries written straight into {@code audit_entry} and {@code audit_chain}, hashed as the
 * sequencer hashes them ({@link EntryHash}, bodies per docs/audit.md): the state a checkpoint signs,
 * for tests of what comes after the sequencer.
 */
public final class AuditChainRows {

    private AuditChainRows() {
    }

    /** Appends {@code count} entries to the chain of {@code chainId}; returns the new head hash. */
    public static byte[] append(TestDatabase database, String chainId, int count, Instant at) {
        try (var connection = database.connect()) {
            connection.setAutoCommit(false);
            long size = 0;
            byte[] head = EntryHash.genesis();
            try (var read = connection.prepareStatement("SELECT size, head_hash FROM audit_chain WHERE chain_id = ? FOR UPDATE")) {
                read.setString(1, chainId);
                try (var rows = read.executeQuery()) {
                    if (rows.next()) {
                        size = rows.getLong(1);
                        head = rows.getBytes(2);
                    }
                }
            }
            try (var insert = connection.prepareStatement("""
                    INSERT INTO audit_entry (chain_id, seq, prev_hash, hash, body, kind, change_number, occurred_at,
                                             source, source_id) VALUES (?, ?, ?, ?, ?, 'ChangeRequested', ?, ?, 'change_event', ?)""")) {
                for (int i = 0; i < count; i++) {
                    long seq = size + 1;
                    var body = CanonicalJson.write(body(chainId, seq, at));
                    var hash = EntryHash.of(head, body);
                    insert.setString(1, chainId);
                    insert.setLong(2, seq);
                    insert.setBytes(3, head);
                    insert.setBytes(4, hash);
                    insert.setString(5, body);
                    insert.setLong(6, seq);
                    insert.setTimestamp(7, Timestamp.from(at));
                    insert.setLong(8, Math.abs((long) chainId.hashCode()) * 1_000_000 + seq);
                    insert.executeUpdate();
                    head = hash;
                    size = seq;
                }
            }
            try (var upsert = connection.prepareStatement("""
                    INSERT INTO audit_chain (chain_id, size, head_hash, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (chain_id) DO UPDATE SET size = EXCLUDED.size, head_hash = EXCLUDED.head_hash,
                                                         updated_at = EXCLUDED.updated_at""")) {
                upsert.setString(1, chainId);
                upsert.setLong(2, size);
                upsert.setBytes(3, head);
                upsert.setTimestamp(4, Timestamp.from(at));
                upsert.executeUpdate();
            }
            connection.commit();
            return head;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append to the audit chain " + chainId, e);
        }
    }

    private static Map<String, Object> body(String chainId, long seq, Instant at) {
        var body = new LinkedHashMap<String, Object>();
        body.put("v", 1);
        body.put("chain", chainId);
        body.put("seq", seq);
        body.put("kind", "ChangeRequested");
        body.put("change", "CHG-" + seq);
        body.put("actor", "U0ALICE");
        body.put("at", CanonicalJson.instant(at));
        body.put("recorded", CanonicalJson.instant(at));
        body.put("source", "change_event:" + seq);
        body.put("details", Map.of());
        return body;
    }
}
