package dev.changebot.bench;

import dev.changebot.application.port.TimerAlarms;
import dev.changebot.application.port.TimerStore;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Durable timers at scale on PostgreSQL through the real path (the timer row inserted in its own
 * transaction, then the poller told, as ChangeService does; the poller's claim; FireTimer's locked
 * re-check): 100,000 pending timers due over days (time to arm them, the start-up of an app that
 * finds them, the claim query's plan), then a stream of timers due over one minute and 1,000 due at
 * the same instant, fired while the 100,000 wait. Lateness is measured by FireTimer against the
 * stored due time. Not a test: run bench/timers.sh and read the figures.
 */
public final class TimerBenchmark {

    private TimerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pending = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int spread = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
        int burst = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        System.out.println("Load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim() + " on "
                + Runtime.getRuntime().availableProcessors() + " cores");
        try (var slack = FakeSlackApi.start()) {
            var db = TestPostgres.freshDatabase();
            System.out.println("Database measured: " + db.durabilitySettings());
            dev.changebot.domain.change.Change change;
            try (var app = RunningApp.start(db, slack)) {
                app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                        ChangeRef.inChannel("C0BENCH").encode(),
                        ChangeForms.complete(Instant.now().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
                change = app.bean(Transactions.class).inTransaction(() ->
                        app.bean(Changes.class).find("T0CHANGE", new ChangeId(1)).orElseThrow());
                // Due from tomorrow over three days: they wait through the whole measurement.
                schedule(app, change, pending, Instant.now().plus(Duration.ofDays(1)), Duration.ofDays(3), "PENDING");
            }
            try (var connection = db.connect()) {
                connection.createStatement().execute("ANALYZE change_timer");
            }
            System.out.println("The claim query with " + pending + " pending (EXPLAIN ANALYZE):");
            db.rows("EXPLAIN ANALYZE SELECT id, attempts FROM change_timer WHERE status = 'PENDING' AND due_at <= now()"
                    + " AND (retry_at IS NULL OR retry_at <= now()) ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                    .forEach(row -> System.out.println("    " + row.values().iterator().next()));

            var starting = System.nanoTime();
            try (var app = RunningApp.start(db, slack)) {
                System.out.printf("start-up of the app with %d pending timers: %d ms (RunningApp.start, server up)%n",
                        pending, (System.nanoTime() - starting) / 1_000_000);
                // Warm-up, not measured: the first firings of a fresh JVM run cold (JIT, pools).
                schedule(app, change, 1_000, Instant.now().plus(Duration.ofSeconds(10)), Duration.ofSeconds(10), "WARMUP");
                waitFor(db, "WARMUP", 1_000, Duration.ofMinutes(2));
                report(db, "WARMUP", "warm-up: 1000 timers over 10 s (not the figure)");

                // Every timer is armed before the first is due: arming is measured apart from firing.
                var start = Instant.now().plus(Duration.ofSeconds(30));
                schedule(app, change, spread, start, Duration.ofMinutes(1));
                waitFor(db, "SPREAD", spread, Duration.ofMinutes(3));
                report(db, "SPREAD", spread + " timers due over 1 minute");

                var instant = Instant.now().plus(Duration.ofSeconds(15));
                schedule(app, change, burst, instant, Duration.ZERO);
                waitFor(db, "BURST", burst, Duration.ofMinutes(2));
                var last = db.rows("SELECT EXTRACT(EPOCH FROM max(fired_at) - min(due_at)) * 1000 AS ms FROM change_timer"
                        + " WHERE ref = 'BURST'").get(0).get("ms");
                report(db, "BURST", burst + " timers due at the same instant");
                System.out.printf("%d simultaneous timers: the last fired %.0f ms after the instant%n", burst,
                        ((Number) last).doubleValue());
                System.out.printf("still pending, untouched: %s of %d%n", db.rows("SELECT count(*) AS n FROM change_timer"
                        + " WHERE ref = 'PENDING' AND status = 'PENDING'").get(0).get("n"), pending);
            }
            System.out.println("Load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        }
        System.exit(0);
    }

    private static void schedule(RunningApp app, dev.changebot.domain.change.Change change, int count, Instant from,
                                 Duration over) {
        schedule(app, change, count, from, over, over.isZero() ? "BURST" : "SPREAD");
    }

    private static void schedule(RunningApp app, dev.changebot.domain.change.Change change, int count, Instant from,
                                 Duration over, String kind) {
        var store = app.bean(TimerStore.class);
        var alarms = app.bean(TimerAlarms.class);
        var tx = app.bean(Transactions.class);
        var began = Instant.now();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < count; i++) {
            var due = from.plusNanos(over.toNanos() / count * i);
            futures.add(pool.submit(() -> {
                long id = tx.inTransaction(() -> store.add(change, dev.changebot.domain.change.TimerKind.SOAK_END, kind, due));
                alarms.ring(id, due);
            }));
        }
        for (var f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        pool.shutdown();
        var took = Duration.between(began, Instant.now());
        System.out.printf("armed %d %s timers in %.1f s (%.0f/s; 8 threads, one transaction each), due from %s%n", count, kind,
                took.toMillis() / 1000.0, count / Math.max(0.001, took.toMillis() / 1000.0), from);
        if (!"PENDING".equals(kind) && Instant.now().isAfter(from)) {
            System.out.println("WARNING: scheduling ran past the first due time; lateness includes it");
        }
    }

    private static void waitFor(TestDatabase db, String kind, int count, Duration limit) throws InterruptedException {
        var deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            var fired = ((Number) db.rows("SELECT count(*) AS n FROM change_timer WHERE ref = ? AND status = 'FIRED'", kind)
                    .get(0).get("n")).longValue();
            if (fired >= count) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        System.out.println("WARNING: not all " + kind + " timers fired within " + limit);
    }

    private static void report(TestDatabase db, String kind, String what) {
        List<Double> late = new ArrayList<>();
        db.rows("SELECT late_by_ms FROM change_timer WHERE ref = ? AND status = 'FIRED'", kind)
                .forEach(r -> late.add(((Number) r.get("late_by_ms")).doubleValue()));
        Collections.sort(late);
        var span = db.rows("SELECT EXTRACT(EPOCH FROM max(fired_at) - min(fired_at)) AS s FROM change_timer WHERE ref = ?",
                kind).get(0).get("s");
        double seconds = Math.max(0.001, ((Number) span).doubleValue());
        System.out.printf("%-45s fired %d   lateness p50 %5.0f ms   p99 %5.0f ms   max %5.0f ms   drain %.0f/s%n", what,
                late.size(), p(late, 50), p(late, 99), late.get(late.size() - 1), late.size() / seconds);
        // Where the lateness is: by 5-second slice of due time.
        db.rows("SELECT floor(EXTRACT(EPOCH FROM due_at - (SELECT min(due_at) FROM change_timer WHERE ref = ?)) / 5) * 5"
                + " AS slice, count(*) AS n, max(late_by_ms) AS worst, avg(late_by_ms)::bigint AS mean"
                + " FROM change_timer WHERE ref = ? GROUP BY 1 ORDER BY 1", kind, kind)
                .forEach(r -> System.out.printf("    due +%3.0f s: %5d timers, mean %6d ms, worst %6d ms%n",
                        ((Number) r.get("slice")).doubleValue(), ((Number) r.get("n")).longValue(),
                        ((Number) r.get("mean")).longValue(), ((Number) r.get("worst")).longValue()));
    }

    private static double p(List<Double> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
