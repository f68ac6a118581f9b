package dev.changebot.persistence.audit;

import dev.changebot.application.port.AuditLog;
import dev.changebot.domain.audit.ChainEntry;
import dev.changebot.domain.audit.EntryHash;
import dev.changebot.domain.audit.LoadedPolicy;
import dev.changebot.domain.audit.SourceFact;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audit chains in PostgreSQL (V25): appends lock the chain's row in audit_chain, so one
 * workspace's appends take turns across nodes and other workspaces' go on; the unique index on
 * (source, source_id) makes chaining a fact twice fail rather than happen.
 */
@Singleton
class PostgresAuditLog implements AuditLog {

    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;
    private final PendingFloor eventFloor = new PendingFloor();
    private final PendingFloor noteFloor = new PendingFloor();

    PostgresAuditLog(JdbcOperations jdbc, ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.connections = connections;
    }

    /** One statement, on the caller's connection or, outside a transaction, a read-only one of its own. */
    @Override
    public Set<String> chainsToAppend(boolean everyChain) {
        return connections.execute(ConnectionDefinition.READ_ONLY, status -> {
            try {
                var look = WaitingChains.look(status.getConnection(), eventFloor.floor(), noteFloor.floor(),
                        everyChain);
                eventFloor.looked(look.events(), look.lowestEvent());
                noteFloor.looked(look.notes(), look.lowestNote());
                return look.chains();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not find facts not chained yet", e);
            }
        });
    }

    /**
     * Three statements in the caller's transaction: the head locked, the facts read, the entries and the
     * new head written.
     */
    @Override
    public Appended append(String chainId, Optional<LoadedPolicy> policy, int limit) {
        return run("append to the audit chain of " + chainId, connection -> {
            var head = lockHead(connection, chainId);
            var waiting = SourceRows.waiting(connection, chainId, eventFloor.floor(), noteFloor.floor(), limit);
            var facts = new ArrayList<>(waiting.facts());
            facts.sort(Comparator.comparing(SourceFact::recorded).thenComparing(SourceFact::source)
                    .thenComparing(f -> f.sourceId() == null ? 0 : f.sourceId()));
            // Lag from the rows the database time-stamped (recorded_at = now() at their commit's start).
            Duration waited = facts.stream().filter(f -> f.source().equals(SourceFact.CHANGE_EVENT)
                            || f.source().equals(SourceFact.AUDIT_NOTE)).map(SourceFact::recorded)
                    .min(Comparator.<Instant>naturalOrder()).map(oldest -> Duration.between(oldest, head.now()))
                    .orElse(Duration.ZERO);
            var newPolicy = policy.filter(p -> !p.sha256().equals(head.policySha256()));
            newPolicy.ifPresent(p -> facts.add(0, p.fact()));
            if (facts.isEmpty()) {
                return new Appended(0, Duration.ZERO, false);
            }
            var entries = new ArrayList<ChainEntry>(facts.size());
            var previous = head.hash();
            long seq = head.size();
            for (var fact : facts) {
                var entry = ChainEntry.append(previous, fact.body(chainId, ++seq));
                entries.add(entry);
                previous = entry.hash();
            }
            var policySha256 = newPolicy.map(LoadedPolicy::sha256).orElse(head.policySha256());
            write(connection, chainId, entries, facts, new Head(seq, previous, policySha256, head.now()));
            boolean more = waiting.events() >= limit || waiting.notes() >= limit;
            return new Appended(entries.size(), waited.isNegative() ? Duration.ZERO : waited, more);
        });
    }

    private record Head(long size, byte[] hash, String policySha256, Instant now) {
    }

    /**
     * The chain's head, locked, created when the chain has none, in one statement. The new row is locked by
     * its insertion; an existing one by FOR UPDATE. Parameters: chain, genesis hash, chain.
     */
    private static final String LOCK_HEAD = """
            WITH created AS (
                INSERT INTO audit_chain (chain_id, size, head_hash, updated_at) VALUES (?, 0, ?, now())
                ON CONFLICT (chain_id) DO NOTHING
                RETURNING size, head_hash, policy_sha256),
            existing AS (
                SELECT size, head_hash, policy_sha256 FROM audit_chain WHERE chain_id = ? FOR UPDATE)
            SELECT size, head_hash, policy_sha256, clock_timestamp() FROM created
            UNION ALL
            SELECT size, head_hash, policy_sha256, clock_timestamp() FROM existing""";

    private static Head lockHead(Connection connection, String chainId) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (var statement = connection.prepareStatement(LOCK_HEAD)) {
                statement.setString(1, chainId);
                statement.setBytes(2, EntryHash.genesis());
                statement.setString(3, chainId);
                try (var rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return new Head(rows.getLong(1), rows.getBytes(2), rows.getString(3),
                                rows.getTimestamp(4).toInstant());
                    }
                }
            }
            // Another node created the chain after this statement's snapshot: its row is visible to the next one.
            if (attempt == 2) {
                throw new SQLException("The head of audit chain " + chainId + " could not be locked");
            }
        }
    }

    /**
     * A pass's entries and the chain's new head in one statement, whatever the entries' number: each column
     * as an array, unnested into rows (hashes as hex text, instants as ISO-8601 text: exact whatever the
     * session's time zone). A JDBC batch sent them in one round trip but as one execution each, and a pass
     * under a steady stream of approvals chains a dozen at a time (docs/performance/ack-path-sessions.md, seventh and eighth
     * sessions). chained_at is the time of the insert, not the transaction's start (now()), which may
     * precede a wait for the head's lock. Returns how many entries were inserted.
     */
    private static final String WRITE = """
            WITH inserted AS (
            INSERT INTO audit_entry (chain_id, seq, prev_hash, hash, body, kind, change_number, occurred_at, source,
                                     source_id, chained_at)
            SELECT ?, e.seq, decode(e.prev_hash, 'hex'), decode(e.hash, 'hex'), e.body, e.kind, e.change_number,
                   CAST(e.occurred_at AS timestamptz), e.source, e.source_id, clock_timestamp()
              FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]))
                   AS e(seq, prev_hash, hash, body, kind, change_number, occurred_at, source, source_id)
            RETURNING 1)
            UPDATE audit_chain SET size = ?, head_hash = ?, policy_sha256 = ?, updated_at = now() WHERE chain_id = ?
            RETURNING (SELECT count(*) FROM inserted)""";

    private static void write(Connection connection, String chainId, List<ChainEntry> entries, List<SourceFact> facts,
                              Head head) throws SQLException {
        int n = entries.size();
        var seqs = new Long[n];
        var prevHashes = new String[n];
        var hashes = new String[n];
        var bodies = new String[n];
        var kinds = new String[n];
        var changeNumbers = new Long[n];
        var occurred = new String[n];
        var sources = new String[n];
        var sourceIds = new Long[n];
        var hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            var entry = entries.get(i);
            var fact = facts.get(i);
            seqs[i] = entry.seq();
            prevHashes[i] = hex.formatHex(entry.prevHash());
            hashes[i] = hex.formatHex(entry.hash());
            bodies[i] = entry.body();
            kinds[i] = fact.kind();
            changeNumbers[i] = fact.changeNumber();
            occurred[i] = fact.at().toString();
            sources[i] = fact.source();
            sourceIds[i] = fact.sourceId();
        }
        try (var statement = connection.prepareStatement(WRITE)) {
            statement.setString(1, chainId);
            statement.setArray(2, connection.createArrayOf("bigint", seqs));
            statement.setArray(3, connection.createArrayOf("text", prevHashes));
            statement.setArray(4, connection.createArrayOf("text", hashes));
            statement.setArray(5, connection.createArrayOf("text", bodies));
            statement.setArray(6, connection.createArrayOf("text", kinds));
            statement.setArray(7, connection.createArrayOf("bigint", changeNumbers));
            statement.setArray(8, connection.createArrayOf("text", occurred));
            statement.setArray(9, connection.createArrayOf("text", sources));
            statement.setArray(10, connection.createArrayOf("bigint", sourceIds));
            statement.setLong(11, head.size());
            statement.setBytes(12, head.hash());
            statement.setString(13, head.policySha256());
            statement.setString(14, chainId);
            try (var rows = statement.executeQuery()) {
                if (!rows.next() || rows.getLong(1) != n) {
                    throw new SQLException("Expected to chain " + n + " entries");
                }
            }
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** In the caller's transaction; a failure keeps its SQLException as the cause (outage vs fault). */
    private <T> T run(String what, Work<T> work) {
        return jdbc.execute(connection -> {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not " + what, e);
            }
        });
    }
}
