package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Clicks that arrive together, against the real PostgreSQL, leave one consistent change. */
class ConcurrentApprovalTest {

    FakeSlackApi slack;
    TestDatabase db;
    RunningApp app;
    String approveValue;
    String messageTs;

    @BeforeEach
    void requestAChange() {
        slack = FakeSlackApi.start();
        db = TestPostgres.freshDatabase();
        app = RunningApp.start(db, slack);
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel("C0DEPLOYS").encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).state()), SlackPayloads.FORM);
        approveValue = ChangeRef.of(new ChangeId(1)).encode();
        messageTs = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        slack.clear();
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the same click delivered four times at once gives one approval and one event")
    void duplicateDeliveriesCountOnce() throws Exception {
        var click = SlackPayloads.buttonClick("U0REVIEW", "C0DEPLOYS", messageTs, SlackIds.APPROVE_BUTTON, approveValue);

        var statuses = allAtOnce(4, () -> app.slack(click, SlackPayloads.FORM));

        assertThat(statuses).containsOnly(200);
        assertThat(db.count("change_approval")).isEqualTo(1);
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeApproved'")).hasSize(1);
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "APPROVED");
        assertThat(slack.calls("chat.update")).hasSize(1);
    }

    @Test
    @DisplayName("two approvers on the same step at the same instant: one approval completes it, the other is told")
    void twoApproversAtOnce() throws Exception {
        var first = SlackPayloads.buttonClick("U0ALICE", "C0DEPLOYS", messageTs, SlackIds.APPROVE_BUTTON, approveValue);
        var second = SlackPayloads.buttonClick("U0BOB", "C0DEPLOYS", messageTs, SlackIds.APPROVE_BUTTON, approveValue);
        var latch = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> { latch.await(); return app.slack(first, SlackPayloads.FORM); });
            var b = pool.submit(() -> { latch.await(); return app.slack(second, SlackPayloads.FORM); });
            latch.countDown();
            assertThat(a.get().statusCode()).isEqualTo(200);
            assertThat(b.get().statusCode()).isEqualTo(200);
        } finally {
            pool.shutdown();
        }

        assertThat(db.count("change_approval")).isEqualTo(1);
        assertThat(db.rows("SELECT type FROM change_event ORDER BY id")).extracting(r -> r.get("type"))
                .containsExactly("ChangeRequested", "ChangeApproved");
        var refusal = slack.calls("chat.postEphemeral");
        assertThat(refusal).hasSize(1);
        assertThat(refusal.get(0).param("text")).contains("CHG-1 is approved; there is nothing left to approve.");
    }

    private static List<Integer> allAtOnce(int n, Callable<HttpResponse<String>> call) throws Exception {
        var latch = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        try {
            var futures = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    latch.await();
                    return call.call();
                }));
            }
            latch.countDown();
            var statuses = new ArrayList<Integer>();
            for (var f : futures) {
                statuses.add(f.get().statusCode());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
