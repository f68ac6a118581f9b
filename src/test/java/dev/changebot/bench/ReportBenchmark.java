package dev.changebot.bench;

import dev.changebot.application.metrics.ReportMetrics;
import dev.changebot.domain.metrics.MetricsWindow;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.lang.management.ManagementFactory;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 16's report benchmark: the monthly metrics report over 100,000 changes and 1,000,000 events
 * (HistoryFill's five per change, plus start, production deployment, finish and two more each) and a
 * deployment row per finished change. Times the last full month's report five times and samples the
 * heap while it runs. Usage: bench/report-metrics.sh [changes]   (default 100000)
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var db = TestPostgres.freshDatabase();
        System.out.println("Database measured: " + db.durabilitySettings());
        try (var slack = FakeSlackApi.start(); var app = RunningApp.start(db, slack, Map.of())) {
            long started = System.nanoTime();
            HistoryFill.finished(db, 1, size);
            try (var connection = db.connect(); var sql = connection.createStatement()) {
                sql.execute("""
                        INSERT INTO change_event (change_id, workspace_id, type, actor_id, occurred_at, details)
                        SELECT c.id, c.workspace_id, t.type, c.requester_id, c.requested_at + t.k * interval '1 hour',
                               CASE t.type WHEN 'ChangeDeployed' THEN jsonb_build_object('environment', 'production')
                                           WHEN 'ChangeFinished' THEN jsonb_build_object('outcome', c.state)
                                           WHEN 'ChangeApproved' THEN jsonb_build_object('step', 1, 'completes', true)
                                           ELSE '{}'::jsonb END
                          FROM change_request c CROSS JOIN (VALUES (2, 'ChangeApproved'), (3, 'ChangeStarted'),
                               (4, 'ChangeDeployed'), (5, 'ChangeFinished'), (6, 'IssueReported'), (7, 'FollowUpsOwed'),
                               (8, 'ObligationSatisfied')) AS t(k, type)
                         WHERE c.state IN ('COMPLETED', 'ROLLED_BACK', 'FAILED')
                            OR t.type IN ('ChangeApproved', 'IssueReported', 'FollowUpsOwed', 'ObligationSatisfied')""");
                sql.execute("""
                        INSERT INTO deployment (workspace_id, source, reported_by, change_number, service, environment,
                                                status, reported_at, covered)
                        SELECT c.workspace_id, 'api', 'ci', c.number, 'edge', 'production',
                               CASE c.state WHEN 'COMPLETED' THEN 'succeeded' WHEN 'FAILED' THEN 'failed' ELSE 'rolled_back' END,
                               c.requested_at + interval '4 hours', true
                          FROM change_request c WHERE c.state IN ('COMPLETED', 'ROLLED_BACK', 'FAILED')""");
                sql.execute("VACUUM ANALYZE change_event");
                sql.execute("VACUUM ANALYZE deployment");
            }
            System.out.printf("History: %,d changes, %,d events, %,d deployments, written in %.0f s%n",
                    db.count("change_request"), db.count("change_event"), db.count("deployment"),
                    (System.nanoTime() - started) / 1e9);
            var period = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
            var reports = app.bean(ReportMetrics.class);
            var heap = ManagementFactory.getMemoryMXBean();
            var times = new ArrayList<Double>();
            for (int run = 0; run < 5; run++) {
                System.gc();
                long before = heap.getHeapMemoryUsage().getUsed();
                var peak = new AtomicLong(before);
                var sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(heap.getHeapMemoryUsage().getUsed(), Math::max);
                        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
                long t0 = System.nanoTime();
                var result = reports.period(FakeSlackApi.TEAM_ID, period, MetricsWindow.PRODUCTION);
                double seconds = (System.nanoTime() - t0) / 1e9;
                sampler.interrupt();
                times.add(seconds);
                var reported = (ReportMetrics.Reported) result;
                var report = reported.report();
                // The same numbers again from the facts already read: how much of the run was computing, not reading.
                long c0 = System.nanoTime();
                dev.changebot.domain.metrics.MetricsReport.compute(reported.facts(), report.window());
                double computing = (System.nanoTime() - c0) / 1e9;
                System.out.printf("run %d: report %s in %.2f s (computing from the facts read: %.2f s), %d rows,"
                        + " deployments counted %s; heap %.0f MB before, peak %.0f MB (+%.0f MB)%n", run + 1, period,
                        seconds, computing, report.rows().size(), report.overall("deployment_frequency").samples(),
                        before / 1e6, peak.get() / 1e6, (peak.get() - before) / 1e6);
            }
            times.sort(Double::compare);
            System.out.printf("median %.2f s, max %.2f s over 5 runs (target: under 5 s)%n", times.get(2), times.get(4));
        }
        System.exit(0);
    }
}
