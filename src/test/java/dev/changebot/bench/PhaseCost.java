package dev.changebot.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What a phase cost one server: the CPU of its process (every thread: request handling, JIT, GC,
 * background work such as the outbox), PostgreSQL's CPU and counters for the server's database, and
 * the process's resident set now and at its peak.
 */
record PhaseCost(double serverCpuMillis, double postgresCpuMillis, Map<String, Double> postgresCpuMillisByProcess,
                 Map<String, Long> postgresCounters,
                 List<PostgresProbe.StatementTotals> statements, Map<String, Double> serverCpuMillisByThread, long rssKb,
                 long peakRssKb) {

    /** The meters' readings at one moment; {@code postgres} null for a server without a database. */
    record Mark(ProcessMeter server, long wallNanos, double serverCpuMillis, Map<String, Double> byThread,
                PostgresProbe.Reading postgres) {

        static Mark now(ProcessMeter server, PostgresProbe probe) throws SQLException {
            return new Mark(server, System.nanoTime(), server.cpuMillis(), server.cpuMillisByThreadGroup(),
                    probe == null ? null : probe.read());
        }

        /** The server's CPU milliseconds per second of wall time since this mark. */
        double cpuRateUntil(Mark end) {
            return (end.serverCpuMillis - serverCpuMillis) / ((end.wallNanos - wallNanos) / 1e9);
        }

        PhaseCost until(Mark end) {
            return new PhaseCost(end.serverCpuMillis - serverCpuMillis,
                    postgres == null ? Double.NaN : end.postgres.cpuMillisSince(postgres),
                    postgres == null ? Map.of() : end.postgres.cpuMillisByKindSince(postgres),
                    postgres == null ? Map.of() : end.postgres.countersSince(postgres),
                    postgres == null ? List.of() : end.postgres.statementsSince(postgres), threadsSince(end),
                    server.rssKb(),
                    server.peakRssKb());
        }

        private Map<String, Double> threadsSince(Mark end) {
            var delta = new java.util.HashMap<String, Double>();
            end.byThread.forEach((group, millis) -> delta.put(group, millis - byThread.getOrDefault(group, 0.0)));
            return delta;
        }
    }
}
