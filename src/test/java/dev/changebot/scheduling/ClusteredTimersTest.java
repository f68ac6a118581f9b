package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.listeners.JobListenerSupport;

/** Two application contexts, one database: Quartz's cluster rings each durable timer on one node, once. */
class ClusteredTimersTest {

    static final int TIMERS = 30;

    @Test
    @DisplayName("two app contexts on one database: each timer fires once")
    void eachTimerFiresOnce() throws Exception {
        var db = TestPostgres.freshDatabase();
        try (var slack = FakeSlackApi.start(); var first = RunningApp.start(db, slack); var second = RunningApp.start(db, slack)) {
            var ringsPerTimer = new ConcurrentHashMap<Long, AtomicInteger>();
            var allRung = new CountDownLatch(TIMERS);
            var perNode = new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()};
            listen(first, ringsPerTimer, allRung, perNode[0]);
            listen(second, ringsPerTimer, allRung, perNode[1]);

            first.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel("C0DEPLOYS").encode(),
                    ChangeForms.complete(Instant.now().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
            var change = first.bean(Transactions.class).inTransaction(() ->
                    first.bean(Changes.class).find("T0CHANGE", new ChangeId(1)).orElseThrow());
            var due = Instant.now().plus(Duration.ofSeconds(1));
            for (int i = 0; i < TIMERS; i++) {
                long id = first.bean(Transactions.class).inTransaction(() ->
                        first.bean(TimerStore.class).add(change, dev.changebot.domain.change.TimerKind.SOAK_END, "t", due));
                // Armed through either node: the job store is shared.
                (i % 2 == 0 ? first : second).bean(TimerAlarms.class).ring(id, due);
            }

            assertThat(allRung.await(60, TimeUnit.SECONDS)).as("every timer rang").isTrue();
            assertThat(ringsPerTimer).hasSize(TIMERS).allSatisfy((id, rings) -> assertThat(rings.get()).isEqualTo(1));
            assertThat(perNode[0].get() + perNode[1].get()).isEqualTo(TIMERS);
            assertThat(db.rows("SELECT count(*) AS n FROM change_timer WHERE status = 'FIRED'").get(0).get("n"))
                    .isEqualTo((long) TIMERS);
        }
    }

    /** Counts, per timer, the jobs any node ran for it: the cluster's promise is one. */
    private static void listen(RunningApp app, ConcurrentHashMap<Long, AtomicInteger> rings, CountDownLatch allRung,
                               AtomicInteger onThisNode) throws Exception {
        app.bean(ClusteredScheduler.class).scheduler().getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "test-" + System.identityHashCode(onThisNode);
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException problem) {
                if (context.getMergedJobDataMap().containsKey(TimerJob.TIMER_ID)) {
                    rings.computeIfAbsent(context.getMergedJobDataMap().getLong(TimerJob.TIMER_ID), k -> new AtomicInteger())
                            .incrementAndGet();
                    onThisNode.incrementAndGet();
                    allRung.countDown();
                }
            }
        });
    }
}
