package dev.changebot.cli.audit;

import dev.changebot.domain.audit.ChainEntry;
import dev.changebot.domain.audit.ChainVerifier;
import dev.changebot.domain.audit.VerifierKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads the audit chains of a live database with plain JDBC (the verifier shares no code with the
 * writer but the domain's encoding): every entry in seq order, the checkpoints recorded in
 * audit_checkpoint, the chain's head row, and — what only the live database can show — each
 * recorded fact compared with its entry ({@link LiveFacts}).
 */
final class DatabaseChains {

    private DatabaseChains() {
    }

    /** Every chain in the database (or just {@code only}), verified; one verifier per chain. */
    static List<ChainVerifier> read(Connection connection, String only, List<VerifierKey> keys, List<String> extraNotes,
                                    Duration unchainedBound) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        // One snapshot for the whole reading, so entries, heads and facts agree with each other.
        try (var statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        }
        var chains = new ArrayList<String>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT chain_id FROM audit_chain UNION SELECT DISTINCT chain_id"
                     + " FROM audit_entry UNION SELECT DISTINCT workspace_id FROM change_event ORDER BY 1")) {
            while (rows.next()) {
                chains.add(rows.getString(1));
            }
        }
        if (only != null) {
            chains.retainAll(List.of(only));
            if (chains.isEmpty()) {
                chains.add(only);
            }
        }
        for (var note : extraNotes) {
            CheckpointNotes.chainOf(note).filter(c -> !chains.contains(c) && (only == null || only.equals(c)))
                    .ifPresent(chains::add);
        }
        var verifiers = new ArrayList<ChainVerifier>();
        for (var chain : chains) {
            var verifier = new ChainVerifier(chain, keys);
            entries(connection, verifier);
            checkpoints(connection, verifier);
            extraNotes.stream().filter(note -> CheckpointNotes.chainOf(note).orElse(chain).equals(chain))
                    .forEach(note -> verifier.checkpoint("given with --checkpoint", note));
            head(connection, verifier);
            LiveFacts.compare(connection, verifier, unchainedBound);
            verifiers.add(verifier);
        }
        connection.rollback();
        return verifiers;
    }

    private static void entries(Connection connection, ChainVerifier verifier) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT seq, prev_hash, hash, body, kind, change_number,"
                + " occurred_at FROM audit_entry WHERE chain_id = ? ORDER BY seq")) {
            statement.setFetchSize(2000);
            statement.setString(1, verifier.chainId());
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    long number = rows.getLong("change_number");
                    var change = rows.wasNull() ? null : number;
                    verifier.accept(new ChainEntry(verifier.chainId(), rows.getLong("seq"), rows.getBytes("prev_hash"),
                            rows.getBytes("hash"), rows.getString("body"), new ChainEntry.Columns(rows.getString("kind"),
                                    change, rows.getTimestamp("occurred_at").toInstant())));
                }
            }
        }
    }

    private static void checkpoints(Connection connection, ChainVerifier verifier) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT id, note FROM audit_checkpoint WHERE chain_id = ?"
                + " ORDER BY size, taken_at")) {
            statement.setString(1, verifier.chainId());
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    verifier.checkpoint("audit_checkpoint " + rows.getLong("id"), rows.getString("note"));
                }
            }
        }
    }

    /** The head row is a cache, but one that claims more than the log holds shows a cut-off tail. */
    private static void head(Connection connection, ChainVerifier verifier) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT size, head_hash FROM audit_chain WHERE chain_id = ?")) {
            statement.setString(1, verifier.chainId());
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    if (verifier.size() > 0) {
                        verifier.problem(null, "the chain's entries have no head row in audit_chain");
                    }
                    return;
                }
                long size = rows.getLong("size");
                var hash = rows.getBytes("head_hash");
                if (size > verifier.size()) {
                    verifier.problem(verifier.size() + 1, "the chain's head (audit_chain) says " + size
                            + " entries, the log holds " + verifier.size() + ": the tail was cut off");
                } else if (size < verifier.size()) {
                    verifier.problem(size + 1, "the log holds " + verifier.size() + " entries but the chain's head"
                            + " (audit_chain) says " + size + ": entries were added past the head");
                } else if (!Arrays.equals(hash, verifier.hashAt(size))) {
                    verifier.problem(size == 0 ? null : size, "the chain's head hash (audit_chain) is "
                            + Base64.getEncoder().encodeToString(hash) + ", the last entry's is "
                            + Base64.getEncoder().encodeToString(verifier.hashAt(size)));
                }
            }
        }
    }
}
