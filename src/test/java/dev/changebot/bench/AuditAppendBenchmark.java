package dev.changebot.bench;

import dev.changebot.application.port.AuditNotes;
import dev.changebot.application.port.Transactions;
import dev.changebot.scheduling.AuditSequencer;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Audit appends with 8 concurrent writers on two app instances sharing one database (bench/audit-append.sh):
 * per recorded action, the latency of its transaction as a request sees it (write + commit + the after-commit
 * wake-up; the chaining itself is off this path), chained appends per second from the first write until
 * everything is chained, and the sequencer's lag per entry (chained_at − recorded_at, from the database).
 * Usage: AuditAppendBenchmark [actions per writer]
 */
public final class AuditAppendBenchmark {

    static final int WRITERS = 8;

    public static void main(String[] args) throws Exception {
        int perWriter = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        TestDatabase db = TestPostgres.freshDatabase();
        System.out.println("database: " + db.durabilitySettings());
        System.out.println("load average before: " + loadAverage());
        try (var slack = FakeSlackApi.start();
             var first = RunningApp.start(db, slack, Map.of("changebot.audit.poll", "1s"));
             var second = RunningApp.start(db, slack, Map.of("changebot.audit.poll", "1s"))) {
            var apps = List.of(first, second);
            var pool = Executors.newFixedThreadPool(WRITERS);
            var latencies = Collections.synchronizedList(new ArrayList<Long>());
            long started = System.nanoTime();
            var writers = new ArrayList<Future<?>>();
            for (int w = 0; w < WRITERS; w++) {
                var app = apps.get(w % 2);
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        long t0 = System.nanoTime();
                        int n = i;
                        app.bean(Transactions.class).inTransaction(() -> {
                            app.bean(AuditNotes.class).record(FakeSlackApi.TEAM_ID, "BenchAction", "U0W" + writer,
                                    Instant.now(), Map.of("n", (long) n));
                            return null;
                        });
                        latencies.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (var writer : writers) {
                writer.get(30, TimeUnit.MINUTES);
            }
            pool.shutdown();
            long total = (long) WRITERS * perWriter;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (chained(db) < total && System.nanoTime() < deadline) {
                LockSupport.parkNanos(5_000_000);
            }
            long done = System.nanoTime();
            first.bean(AuditSequencer.class).chainNow();
            var sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            var lag = db.rows("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,"
                    + " percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max FROM (SELECT"
                    + " extract(epoch FROM e.chained_at - n.recorded_at) * 1000 AS ms FROM audit_entry e JOIN audit_note n"
                    + " ON e.source = 'audit_note' AND e.source_id = n.id) l").get(0);
            System.out.printf("%d writers on 2 instances, %d recorded actions%n", WRITERS, total);
            System.out.printf("recorded action (transaction incl. after-commit wake-up): p50 %.2f ms, p99 %.2f ms%n",
                    pct(sorted, 0.50) / 1e6, pct(sorted, 0.99) / 1e6);
            System.out.printf("chained appends: %d in %.2f s from the first write = %.0f per second%n", chained(db),
                    (done - started) / 1e9, chained(db) / ((done - started) / 1e9));
            System.out.printf("sequencer lag (chained_at - recorded_at): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    number(lag.get("p50")), number(lag.get("p99")), number(lag.get("max")));
            System.out.println("load average after: " + loadAverage());
        }
    }

    private static long chained(TestDatabase db) {
        return ((Number) db.rows("SELECT count(*) AS n FROM audit_entry WHERE source = 'audit_note'").get(0).get("n"))
                .longValue();
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
