package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The policy's approve reaction on a change's message, as Slack really delivers it: duplicated, reordered. */
class EmojiApprovalTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String OK = "white_check_mark";
    static final AtomicInteger EVENT_IDS = new AtomicInteger();

    FakeSlackApi slack = FakeSlackApi.start();
    TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;
    String messageTs;

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the approve reaction by a reviewer approves, like the button, and updates the message")
    void reactionApproves() {
        start(RunningApp.TEST_POLICY, "normal");

        react(true, "U0REVIEW", OK, messageTs, "1700000100.000100");

        assertThat(state()).isEqualTo("APPROVED");
        assertThat(db.rows("SELECT approver_id FROM change_approval")).extracting(r -> r.get("approver_id"))
                .containsExactly("U0REVIEW");
        assertThat(slack.calls("chat.update")).hasSize(1);
    }

    @Test
    @DisplayName("other reactions, reactions on other messages and reactions by bots are ignored")
    void ignored() {
        start(RunningApp.TEST_POLICY, "normal");
        slack.bot("U0ALICE");

        react(true, "U0REVIEW", "tada", messageTs, "1700000100.000100");
        react(true, "U0REVIEW", OK, "1699999999.000001", "1700000101.000100");
        react(true, "U0ALICE", OK, messageTs, "1700000102.000100");

        assertThat(db.count("change_approval")).isZero();
        assertThat(slack.calls("chat.update")).isEmpty();
        assertThat(slack.calls("chat.postEphemeral")).isEmpty();
    }

    @Test
    @DisplayName("the same reaction delivered four times at once, with different event ids, counts once")
    void duplicatesCountOnce() throws Exception {
        start(RunningApp.TEST_POLICY, "normal");
        var latch = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                var body = SlackPayloads.reaction("Ev" + EVENT_IDS.incrementAndGet(), true, "U0REVIEW", OK, CHANNEL,
                        messageTs, "1700000100.000100");
                futures.add(pool.submit(() -> {
                    latch.await();
                    return app.slack(body, SlackPayloads.JSON).statusCode();
                }));
            }
            latch.countDown();
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(db.count("change_approval")).isEqualTo(1);
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeApproved'")).hasSize(1);
        assertThat(slack.calls("chat.update")).hasSize(1);
    }

    @Test
    @DisplayName("pol-012: removing the reaction before the step completes withdraws the approval")
    void removalRevokes() {
        start("preset:pol-012", "normal");
        slack.userGroup("engineers", "U0ENG1", "U0ENG2");

        react(true, "U0ENG1", OK, messageTs, "1700000100.000100");
        react(false, "U0ENG1", OK, messageTs, "1700000200.000100");

        assertThat(db.count("change_approval")).isZero();
        assertThat(db.rows("SELECT type FROM change_event ORDER BY id")).extracting(r -> r.get("type"))
                .containsExactly("ChangeRequested", "ChangeApproved", "ChangeApprovalRevoked");
        assertThat(state()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    @DisplayName("a reaction_removed that arrives before its reaction_added leaves no approval behind")
    void removedBeforeAdded() {
        start(RunningApp.TEST_POLICY, "normal");

        react(false, "U0REVIEW", OK, messageTs, "1700000200.000100");
        react(true, "U0REVIEW", OK, messageTs, "1700000100.000100");

        assertThat(db.count("change_approval")).isZero();
        assertThat(state()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    @DisplayName("a refused reaction is explained to the reactor, privately")
    void refusalExplained() {
        start(RunningApp.TEST_POLICY, "normal");

        react(true, "U0REQUEST", OK, messageTs, "1700000100.000100");

        assertThat(db.count("change_approval")).isZero();
        assertThat(slack.calls("chat.postEphemeral")).singleElement()
                .satisfies(c -> assertThat(c.param("text")).contains("did not count", "You requested CHG-1"));
    }

    private void start(String policy, String changeClass) {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", policy),
                new dev.changebot.support.MutableClock(Instant.parse("2026-03-02T09:00:00Z")));
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.parse("2026-03-10T15:00:00Z")).inClass(changeClass).state()),
                SlackPayloads.FORM);
        messageTs = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        slack.clear();
    }

    private void react(boolean added, String user, String reaction, String onMessage, String eventTs) {
        var response = app.slack(SlackPayloads.reaction("Ev" + EVENT_IDS.incrementAndGet(), added, user, reaction,
                CHANNEL, onMessage, eventTs), SlackPayloads.JSON);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String state() {
        return db.rows("SELECT state FROM change_request").get(0).get("state").toString();
    }
}
