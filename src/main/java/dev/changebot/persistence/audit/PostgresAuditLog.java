package dev.changebot.persistence.audit;

import dev.changebot.application.port.AuditLog;
import dev.changebot.domain.audit.ChainEntry;
import dev.changebot.domain.audit.EntryHash;
import dev.changebot.domain.audit.LoadedPolicy;
import dev.changebot.domain.audit.SourceFact;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
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
    private final PendingFloor eventFloor = new PendingFloor();
    private final PendingFloor noteFloor = new PendingFloor();

    PostgresAuditLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> chainsToAppend(boolean everyChain) {
        return run("find facts not chained yet", connection -> {
            var chains = new LinkedHashSet<String>();
            waiting(connection, "change_event", SourceFact.CHANGE_EVENT, eventFloor, chains);
            waiting(connection, "audit_note", SourceFact.AUDIT_NOTE, noteFloor, chains);
            var freezes = "SELECT DISTINCT f.workspace_id FROM declared_freeze f WHERE NOT EXISTS (SELECT 1 FROM audit_entry e"
                    + " WHERE e.source = 'freeze_declared' AND e.source_id = f.id) OR (f.lifted_at IS NOT NULL AND NOT EXISTS"
                    + " (SELECT 1 FROM audit_entry e WHERE e.source = 'freeze_lifted' AND e.source_id = f.id))";
            strings(connection, freezes, chains);
            if (everyChain) {
                strings(connection, "SELECT chain_id FROM audit_chain", chains);
            }
            return chains;
        });
    }

    private static void waiting(Connection connection, String table, String source, PendingFloor floor,
                                Set<String> chains) throws SQLException {
        long above = floor.floor();
        // Looked before the rows are read: a transaction the look finds ended has its rows in the read's snapshot.
        var look = TableLook.take(connection, table);
        var sql = "SELECT t.workspace_id, min(t.id) AS lowest FROM " + table + " t WHERE t.id > ? AND NOT EXISTS"
                + " (SELECT 1 FROM audit_entry e WHERE e.source = '" + source + "' AND e.source_id = t.id)"
                + " GROUP BY t.workspace_id";
        Long lowest = null;
        try (var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, above);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    chains.add(rows.getString(1));
                    lowest = lowest == null ? rows.getLong(2) : Math.min(lowest, rows.getLong(2));
                }
            }
        }
        floor.looked(look, lowest);
    }

    @Override
    public Appended append(String chainId, Optional<LoadedPolicy> policy, int limit) {
        return run("append to the audit chain of " + chainId, connection -> {
            var head = lockHead(connection, chainId);
            var facts = new ArrayList<SourceFact>();
            var events = SourceRows.changeEvents(connection, chainId, eventFloor.floor(), limit);
            var notes = SourceRows.notes(connection, chainId, noteFloor.floor(), limit);
            facts.addAll(events);
            facts.addAll(notes);
            facts.addAll(SourceRows.freezes(connection, chainId));
            facts.sort(Comparator.comparing(SourceFact::recorded).thenComparing(SourceFact::source)
                    .thenComparing(f -> f.sourceId() == null ? 0 : f.sourceId()));
            // Lag from the rows the database time-stamped (recorded_at = now() at their commit's start).
            Duration waited = java.util.stream.Stream.concat(events.stream(), notes.stream()).map(SourceFact::recorded)
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
            insert(connection, chainId, entries, facts);
            advance(connection, chainId, seq, previous, newPolicy.map(LoadedPolicy::sha256).orElse(head.policySha256()));
            boolean more = events.size() >= limit || notes.size() >= limit;
            return new Appended(entries.size(), waited.isNegative() ? Duration.ZERO : waited, more);
        });
    }

    private record Head(long size, byte[] hash, String policySha256, Instant now) {
    }

    private static Head lockHead(Connection connection, String chainId) throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO audit_chain (chain_id, size, head_hash, updated_at)"
                + " VALUES (?, 0, ?, now()) ON CONFLICT (chain_id) DO NOTHING")) {
            statement.setString(1, chainId);
            statement.setBytes(2, EntryHash.genesis());
            statement.executeUpdate();
        }
        try (var statement = connection.prepareStatement("SELECT size, head_hash, policy_sha256, clock_timestamp()"
                + " FROM audit_chain WHERE chain_id = ? FOR UPDATE")) {
            statement.setString(1, chainId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new Head(rows.getLong(1), rows.getBytes(2), rows.getString(3), rows.getTimestamp(4).toInstant());
            }
        }
    }

    /**
     * A pass's entries in one statement, whatever their number: each column as an array, unnested into
     * rows (hashes as hex text, instants as ISO-8601 text: exact whatever the session's time zone). A JDBC
     * batch sent them in one round trip but as one execution each, and a pass under a steady stream of
     * approvals chains a dozen at a time (docs/performance.md, seventh session). chained_at is the time of
     * the insert, not the transaction's start (now()), which may precede a wait for the head's lock.
     */
    private static final String INSERT_ENTRIES = """
            INSERT INTO audit_entry (chain_id, seq, prev_hash, hash, body, kind, change_number, occurred_at, source,
                                     source_id, chained_at)
            SELECT ?, e.seq, decode(e.prev_hash, 'hex'), decode(e.hash, 'hex'), e.body, e.kind, e.change_number,
                   CAST(e.occurred_at AS timestamptz), e.source, e.source_id, clock_timestamp()
              FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]))
                   AS e(seq, prev_hash, hash, body, kind, change_number, occurred_at, source, source_id)""";

    private static void insert(Connection connection, String chainId, List<ChainEntry> entries, List<SourceFact> facts)
            throws SQLException {
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
        try (var statement = connection.prepareStatement(INSERT_ENTRIES)) {
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
            if (statement.executeUpdate() != n) {
                throw new SQLException("Expected to chain " + n + " entries");
            }
        }
    }

    private static void advance(Connection connection, String chainId, long size, byte[] head, String policySha256)
            throws SQLException {
        try (var statement = connection.prepareStatement("UPDATE audit_chain SET size = ?, head_hash = ?,"
                + " policy_sha256 = ?, updated_at = now() WHERE chain_id = ?")) {
            statement.setLong(1, size);
            statement.setBytes(2, head);
            statement.setString(3, policySha256);
            statement.setString(4, chainId);
            statement.executeUpdate();
        }
    }

    private static void strings(Connection connection, String sql, Set<String> into) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                into.add(rows.getString(1));
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
