package dev.changebot.bench;

import dev.changebot.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What one server's database costs PostgreSQL: the CPU of the backends connected to it plus the
 * server's shared processes (WAL writer, checkpointer, background writer: where fsync is paid), read
 * from /proc since the server runs on this host; and the statements it ran, from pg_stat_statements
 * when the server preloads it, else the transactions and rows of pg_stat_database.
 */
final class PostgresProbe implements AutoCloseable {

    /** Linux's USER_HZ: /proc/<pid>/stat counts CPU in hundredths of a second. */
    private static final double MILLIS_PER_TICK = 10.0;

    private final Connection connection;
    private final boolean statementsAvailable;

    private PostgresProbe(Connection connection, boolean statementsAvailable) {
        this.connection = connection;
        this.statementsAvailable = statementsAvailable;
    }

    static PostgresProbe of(TestDatabase database) throws SQLException {
        var connection = database.connect();
        connection.setAutoCommit(true);
        boolean statements;
        try (var s = connection.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.executeQuery("SELECT count(*) FROM pg_stat_statements").close();
            statements = true;
        } catch (SQLException notPreloaded) {
            statements = false;
        }
        return new PostgresProbe(connection, statements);
    }

    /** Says how statements are counted, for the report's header. */
    String statementSource() {
        return statementsAvailable ? "pg_stat_statements (calls in this database)"
                : "pg_stat_database (pg_stat_statements is not in shared_preload_libraries): transactions and rows";
    }

    /** CPU and counters now. */
    Reading read() throws SQLException {
        var cpuTicks = new HashMap<Long, Long>();
        var kinds = new HashMap<Long, String>();
        try (var s = connection.prepareStatement("SELECT pid, backend_type FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                + " AND (datname = current_database() OR backend_type IN"
                + " ('walwriter', 'checkpointer', 'background writer', 'autovacuum launcher'))");
             var rows = s.executeQuery()) {
            while (rows.next()) {
                long pid = rows.getLong(1);
                cpuTicks.put(pid, cpuTicksOf(pid));
                kinds.put(pid, rows.getString(2));
            }
        }
        var counters = new java.util.LinkedHashMap<String, Long>();
        var statements = new HashMap<String, StatementTotals>();
        try (var s = connection.createStatement()) {
            // Statistics are a snapshot per transaction: clear it, or every read repeats the first.
            s.execute("SELECT pg_stat_clear_snapshot()");
            if (statementsAvailable) {
                long calls = 0;
                // total_plan_time is 0 unless the server tracks planning (the bench's own server does).
                try (var rows = s.executeQuery("SELECT queryid, calls, total_exec_time, rows, query, total_plan_time, plans"
                        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                    while (rows.next()) {
                        calls += rows.getLong(2);
                        // A statement may appear once per user and top-level flag: add them up.
                        statements.merge(rows.getString(1), new StatementTotals(rows.getString(5), rows.getLong(2),
                                rows.getDouble(3), rows.getLong(4), rows.getDouble(6), rows.getLong(7)), StatementTotals::plus);
                    }
                }
                counters.put("statements", calls);
            }
            try (var rows = s.executeQuery("SELECT xact_commit + xact_rollback, tup_returned, tup_fetched,"
                    + " tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = current_database()")) {
                rows.next();
                counters.put("transactions", rows.getLong(1));
                counters.put("rows scanned", rows.getLong(2));
                counters.put("rows fetched", rows.getLong(3));
                counters.put("rows written", rows.getLong(4));
            }
            // A change's update that is not HOT writes an entry in each of change_request's indexes, and their WAL.
            try (var rows = s.executeQuery("SELECT coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_hot_upd), 0)"
                    + " FROM pg_stat_user_tables WHERE relname = 'change_request'")) {
                rows.next();
                counters.put("change updates", rows.getLong(1));
                counters.put("HOT change updates", rows.getLong(2));
            }
            try (var rows = s.executeQuery("SELECT wal_bytes FROM pg_stat_wal")) {
                rows.next();
                counters.put("WAL bytes (whole server)", rows.getLong(1));
            }
        }
        return new Reading(cpuTicks, kinds, counters, statements);
    }

    private static long cpuTicksOf(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The server's CPU for this database and its counters at one moment. */
    record Reading(Map<Long, Long> cpuTicks, Map<Long, String> kinds, Map<String, Long> counters,
                   Map<String, StatementTotals> statements) {

        /** PostgreSQL CPU spent since {@code before}: processes that are new count in full, gone ones not at all. */
        double cpuMillisSince(Reading before) {
            return cpuMillisByKindSince(before).values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** The same by process type (client backend, autovacuum worker, walwriter, checkpointer...). */
        Map<String, Double> cpuMillisByKindSince(Reading before) {
            var byKind = new java.util.TreeMap<String, Double>();
            for (var e : cpuTicks.entrySet()) {
                long ticks = e.getValue() - before.cpuTicks.getOrDefault(e.getKey(), 0L);
                byKind.merge(kinds.getOrDefault(e.getKey(), "other"), ticks * MILLIS_PER_TICK, Double::sum);
            }
            return byKind;
        }

        Map<String, Long> countersSince(Reading before) {
            var delta = new java.util.LinkedHashMap<String, Long>();
            counters.forEach((name, value) -> delta.put(name, value - before.counters.getOrDefault(name, 0L)));
            return delta;
        }

        /** Each statement run since {@code before} (pg_stat_statements), most calls first. */
        java.util.List<StatementTotals> statementsSince(Reading before) {
            return statements.entrySet().stream()
                    .map(e -> e.getValue().minus(before.statements.get(e.getKey())))
                    .filter(totals -> totals.calls() > 0)
                    .sorted(java.util.Comparator.comparingLong(StatementTotals::calls).reversed())
                    .toList();
        }
    }

    /** One normalised statement's calls, execution and planning time, rows and plans, as pg_stat_statements counts them. */
    record StatementTotals(String query, long calls, double execMillis, long rows, double planMillis, long plans) {

        StatementTotals plus(StatementTotals other) {
            return new StatementTotals(query, calls + other.calls, execMillis + other.execMillis, rows + other.rows,
                    planMillis + other.planMillis, plans + other.plans);
        }

        StatementTotals minus(StatementTotals before) {
            return before == null ? this
                    : new StatementTotals(query, calls - before.calls, execMillis - before.execMillis, rows - before.rows,
                    planMillis - before.planMillis, plans - before.plans);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
