package dev.changebot.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * What a phase cost: the JVM's CPU less the load generator's own threads and less what the JVM
 * burns idle over the same time (the servers all run in the bench JVM, Changebot's background
 * work included), PostgreSQL's CPU and counters for the server's database, and the JVM's RSS.
 */
record PhaseCost(double serverCpuMillis, double generatorCpuMillis, double postgresCpuMillis,
                 Map<String, Long> postgresCounters, long rssKb) {

    /** The meter's readings at one moment; {@code postgres} null for a server without a database. */
    record Mark(long wallNanos, long processCpuNanos, long generatorCpuNanos, PostgresProbe.Reading postgres) {

        static Mark now(PostgresProbe probe) throws SQLException {
            var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Mark(System.nanoTime(), os.getProcessCpuTime(), LoadGenerator.cpuNanos(),
                    probe == null ? null : probe.read());
        }

        /** JVM CPU milliseconds per second of wall time since this mark. */
        double jvmCpuRateUntil(Mark end) {
            return (end.processCpuNanos - processCpuNanos) / 1e6 / ((end.wallNanos - wallNanos) / 1e9);
        }

        PhaseCost until(Mark end, double idleJvmCpuPerSecond) {
            double generator = (end.generatorCpuNanos - generatorCpuNanos) / 1e6;
            double process = (end.processCpuNanos - processCpuNanos) / 1e6;
            double idle = idleJvmCpuPerSecond * (end.wallNanos - wallNanos) / 1e9;
            return new PhaseCost(process - generator - idle, generator,
                    postgres == null ? Double.NaN : end.postgres.cpuMillisSince(postgres),
                    postgres == null ? Map.of() : end.postgres.countersSince(postgres), currentRssKb());
        }
    }

    /** VmRSS of this JVM, from /proc/self/status. */
    static long currentRssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D+", ""))).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
