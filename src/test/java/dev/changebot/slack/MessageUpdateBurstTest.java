package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SentStatements;
import dev.changebot.support.SlackCall;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A burst of approvals reaches Slack as at most one chat.update per message, showing the newest
 * state, at the workspace's chat.update pace (Tier 3), and a 429 pauses every update of the workspace.
 */
class MessageUpdateBurstTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final List<String> REVIEWERS = List.of("U0ALICE", "U0BOB", "U0REVIEW");

    final MutableClock clock = new MutableClock(NOW);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    @Test
    @DisplayName("nine approvals on three messages: three chat.updates, each showing its change approved")
    void coalescesABurstPerMessage() {
        start(Map.of());
        requestChanges(3);

        for (var reviewer : REVIEWERS) {
            for (int change = 1; change <= 3; change++) {
                approve(reviewer, change);
            }
        }
        assertThat(db.rows("SELECT id FROM slack_outbox WHERE delivered_at IS NULL")).as("one pending row per message")
                .hasSize(3);
        assertThat(app.deliverOutbox()).isEqualTo(3);

        assertThat(slack.calls("chat.update")).hasSize(3)
                .extracting(call -> call.param("channel")).containsExactlyInAnyOrder("C0CH1", "C0CH2", "C0CH3");
        assertThat(slack.calls("chat.update")).allSatisfy(call -> assertThat(call.param("text")).endsWith("(approved)"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(app.deliverOutbox()).as("nothing left to send").isZero();
    }

    @Test
    @DisplayName("updates beyond the burst wait for their slots, one interval apart, and show the state they find then")
    void pacesUpdatesPerWorkspace() {
        start(Map.of("changebot.slack.updates-per-minute", 60, "changebot.slack.update-burst", 2));
        requestChanges(4);

        for (int change = 1; change <= 4; change++) {
            approve("U0ALICE", change);
        }
        assertThat(app.deliverOutbox()).as("the burst allowance").isEqualTo(2);
        approve("U0BOB", 4);
        assertThat(app.deliverOutbox()).as("a newer state does not let a waiting update jump its slot").isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(app.deliverOutbox()).isEqualTo(1);
        assertThat(app.deliverOutbox()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(app.deliverOutbox()).isEqualTo(1);

        assertThat(slack.calls("chat.update")).extracting(call -> call.param("channel"))
                .containsExactly("C0CH1", "C0CH2", "C0CH3", "C0CH4");
        assertThat(lastUpdateOf("C0CH4").param("blocks")).as("rendered when it went: both approvals shown")
                .contains("U0ALICE", "U0BOB");
    }

    @Test
    @DisplayName("updates that wait for later slots are not read until they go: a drain of only those reads no change")
    void readsOnlyTheUpdatesThatGoNow() {
        start(Map.of("changebot.slack.updates-per-minute", 60, "changebot.slack.update-burst", 1));
        requestChanges(3);
        approve("U0ALICE", 1);
        assertThat(app.deliverOutbox()).isEqualTo(1);
        approve("U0ALICE", 2);
        approve("U0ALICE", 3);

        try (var sent = SentStatements.listen()) {
            assertThat(app.deliverOutbox()).isZero();
            assertThat(sent.onThisThread()).as("the claim and the slots, no change read")
                    .anyMatch(sql -> sql.contains("update slack_outbox"))
                    .noneMatch(sql -> sql.contains("from change_request c"));
        }
        clock.advance(Duration.ofSeconds(1));
        try (var sent = SentStatements.listen()) {
            assertThat(app.deliverOutbox()).isEqualTo(1);
            assertThat(sent.onThisThread()).as("the one that goes is read").anyMatch(sql -> sql.contains("from change_request c"));
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(app.deliverOutbox()).isEqualTo(1);
        assertThat(slack.calls("chat.update")).extracting(call -> call.param("channel"))
                .containsExactly("C0CH1", "C0CH2", "C0CH3");
        assertThat(lastUpdateOf("C0CH3").param("blocks")).as("rendered when it went: the approval shown").contains("U0ALICE");
    }

    @Test
    @DisplayName("a 429 on chat.update: no update in the workspace before Retry-After, then all go")
    void honoursRetryAfterForTheWorkspace() {
        start(Map.of("changebot.slack.updates-per-minute", 60, "changebot.slack.update-burst", 5));
        requestChanges(2);
        slack.answerNext("chat.update", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "5"));

        approve("U0ALICE", 1);
        approve("U0ALICE", 2);
        assertThat(app.deliverOutbox()).isZero();
        assertThat(slack.calls("chat.update")).as("the other update did not try").hasSize(1);

        clock.advance(Duration.ofSeconds(4));
        assertThat(app.deliverOutbox()).isZero();
        assertThat(slack.calls("chat.update")).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(app.deliverOutbox()).isEqualTo(2);
        assertThat(slack.calls("chat.update")).hasSize(3);
        assertThat(db.rows("SELECT id FROM slack_outbox WHERE delivered_at IS NULL")).isEmpty();
    }

    @Test
    @DisplayName("the pace holds across the cluster: another node's update waits for the slot after this node's")
    void pacesAcrossNodes() {
        var pace = Map.<String, Object>of("changebot.slack.updates-per-minute", 60, "changebot.slack.update-burst", 1);
        start(pace);
        requestChanges(2);
        try (var other = RunningApp.start(db, slack, properties(pace), clock)) {
            approve("U0ALICE", 1);
            assertThat(app.deliverOutbox()).isEqualTo(1);
            approve("U0ALICE", 2);

            assertThat(other.deliverOutbox()).as("this second's update went from the first node").isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(other.deliverOutbox()).isEqualTo(1);
            assertThat(slack.calls("chat.update")).extracting(call -> call.param("channel"))
                    .containsExactly("C0CH1", "C0CH2");
        }
    }

    private void start(Map<String, Object> extra) {
        app = RunningApp.start(db, slack, properties(extra), clock);
    }

    private static Map<String, Object> properties(Map<String, Object> extra) {
        var properties = new java.util.HashMap<String, Object>(extra);
        properties.put("changebot.policy", "src/test/resources/policies/test-three-steps.yaml");
        return properties;
    }

    /**
     * One change per channel (C0CH1...), each message posted; then the calls are forgotten. Each is planned a
     * day after the one before: changes at the same time would conflict, and conflicts are told in the threads.
     */
    private void requestChanges(int count) {
        for (int i = 1; i <= count; i++) {
            app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel("C0CH" + i).encode(),
                    ChangeForms.complete(NOW.plus(Duration.ofDays(i))).title("Change " + i).state()), SlackPayloads.FORM);
        }
        assertThat(slack.calls("chat.postMessage")).hasSize(count);
        slack.clear();
    }

    /** Approved and acked; the outbox is left for the test to drain. */
    private void approve(String reviewer, int change) {
        var response = app.slackUndelivered(SlashCommands.of(reviewer, "C0CH" + change, "approve CHG-" + change),
                SlackPayloads.FORM, Instant.now());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private SlackCall lastUpdateOf(String channel) {
        var updates = slack.calls("chat.update").stream().filter(c -> channel.equals(c.param("channel"))).toList();
        return updates.get(updates.size() - 1);
    }
}
