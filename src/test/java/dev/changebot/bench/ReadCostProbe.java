package dev.changebot.bench;

import dev.changebot.application.port.OpenChanges;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * The calling thread's CPU for each read of changes (the JDBC work runs on it), from ThreadMXBean:
 * steadier than a process's CPU on a shared machine, since only this thread's time on a core counts.
 * Fills {@code open} open changes (every third with two approvals) with SQL, then times, after a
 * warm-up: a page of 30 open changes, one change by number, one locked in a transaction, 20 by number.
 * Usage: {@code java ... dev.changebot.bench.ReadCostProbe [open] [calls]} (defaults 2000 3000).
 */
public final class ReadCostProbe {

    public static void main(String[] args) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        var db = TestPostgres.freshDatabase();
        try (var slack = FakeSlackApi.start(); var app = RunningApp.start(db, slack)) {
            fill(db, open);
            var changes = app.bean(Changes.class);
            var openChanges = app.bean(OpenChanges.class);
            var transactions = app.bean(Transactions.class);
            var team = FakeSlackApi.TEAM_ID;
            var twenty = LongStream.rangeClosed(1, 20).mapToObj(ChangeId::new).toList();
            var reads = List.<Read>of(
                    new Read("/change list page (30 open changes)", () -> openChanges.page(team, 30, 30)),
                    new Read("one change by number (show)", () -> changes.find(team, new ChangeId(7))),
                    new Read("one change locked (approve)",
                            () -> transactions.inTransaction(() -> changes.findForUpdate(team, new ChangeId(9)))),
                    new Read("20 changes by number (outbox batch)", () -> changes.findAll(team, twenty)));
            for (int round = 1; round <= 3; round++) {
                for (var read : reads) {
                    read.time(round == 1 ? calls / 3 : calls, round);
                }
            }
        }
        System.exit(0);
    }

    private record Read(String name, Supplier<?> read) {

        void time(int calls, int round) {
            var threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                read.get();
            }
            System.out.printf(Locale.ROOT, "round %d  %-40s  CPU %7.1f µs per call, wall %7.1f µs (%d calls)%n", round,
                    name, (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / calls, (System.nanoTime() - wall) / 1e3 / calls,
                    calls);
        }
    }

    private static void fill(dev.changebot.support.TestDatabase db, int open) throws Exception {
        try (var connection = db.connect(); var sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO change_request (workspace_id, number, requester_id, origin_channel_id, class_name, title,
                        description, systems_affected, environment, risk, implementation_plan, rollback_plan,
                        testing_evidence, proposed_start, expected_duration_s, requested_at, state, updated_at,
                        extra_fields, stages_passed)
                    SELECT '%s', n, 'U' || (n %% 50), 'C1', 'normal', 'change ' || n, 'a description', 'api, db',
                           'production', 'LOW', 'deploy it', 'roll it back', 'tested', now(), 3600, now(),
                           'PENDING_APPROVAL', now(), '{"success_criteria": "it works"}', '["staging"]'
                      FROM generate_series(1, %d) AS n""".formatted(FakeSlackApi.TEAM_ID, open));
            sql.execute("""
                    INSERT INTO change_approval (change_id, approver_id, approved_at, step)
                    SELECT id, approver, now(), 1 FROM change_request, unnest(ARRAY['U0ALICE', 'U0BOB']) AS approver
                     WHERE number % 3 = 0""");
            sql.execute("ANALYZE");
        }
    }
}
