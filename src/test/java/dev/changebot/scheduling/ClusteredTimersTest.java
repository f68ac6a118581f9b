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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two application contexts, one database: their timer pollers fire each durable timer on one node, once. */
class ClusteredTimersTest {

    static final int TIMERS = 30;

    @Test
    @DisplayName("two app contexts on one database: each timer fires once")
    void eachTimerFiresOnce() throws Exception {
        var db = TestPostgres.freshDatabase();
        try (var slack = FakeSlackApi.start(); var first = RunningApp.start(db, slack); var second = RunningApp.start(db, slack)) {
            first.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel("C0DEPLOYS").encode(),
                    ChangeForms.complete(Instant.now().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
            var change = first.bean(Transactions.class).inTransaction(() ->
                    first.bean(Changes.class).find("T0CHANGE", new ChangeId(1)).orElseThrow());
            var due = Instant.now().plus(Duration.ofSeconds(1));
            for (int i = 0; i < TIMERS; i++) {
                long id = first.bean(Transactions.class).inTransaction(() ->
                        first.bean(TimerStore.class).add(change, dev.changebot.domain.change.TimerKind.SOAK_END, "t", due));
                // Armed through either node: the table is shared.
                (i % 2 == 0 ? first : second).bean(TimerAlarms.class).ring(id, due);
            }

            // Every timer fired, each on one node: no node claimed a timer another had fired, since
            // every claim of either node is counted and there are exactly as many as timers.
            var fired = db.awaitRows(Duration.ofSeconds(60), "SELECT 1 FROM change_timer HAVING count(*) FILTER"
                    + " (WHERE status = 'FIRED') = ?", (long) TIMERS);
            assertThat(fired).as("every timer rang").hasSize(1);
            var nodes = java.util.List.of(first.bean(TimerPoller.class).node(), second.bean(TimerPoller.class).node());
            assertThat(db.rows("SELECT fired_by FROM change_timer")).hasSize(TIMERS)
                    .allSatisfy(row -> assertThat(nodes).contains(row.get("fired_by").toString()));
            // A poller counts its claim just after the firing commits: give it that moment, bounded.
            var deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (claims(first, second) < TIMERS && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(claims(first, second)).isEqualTo(TIMERS);
            assertThat(db.rows("SELECT count(*) AS n FROM change_timer WHERE status = 'FIRED'").get(0).get("n"))
                    .isEqualTo((long) TIMERS);
        }
    }

    private static long claims(RunningApp first, RunningApp second) {
        return first.bean(TimerPoller.class).claims() + second.bean(TimerPoller.class).claims();
    }
}
