package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.application.change.FireTimer;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackCall;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * POL-012, Exception Path 1: "Emergency changes: proceed with 1 approval, backfill documentation
 * within 24 hours" (and CTRL-012.1: "1 reviewer (retroactive 2nd)").
 */
class ApprovedEmergencyTest {

    static final Instant T0 = Instant.parse("2026-03-04T15:00:00Z");
    static final String INCIDENTS = "C0INCIDENT";
    static final String IC = "U0IC";
    static final String REVIEWER = "U0REVIEWER";
    static final String SECOND = "U0SECOND";

    final MutableClock clock = new MutableClock(T0);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:pol-012"), clock);
        slack.userGroup("incident-commanders", IC);
        slack.userGroup("engineers", IC, REVIEWER, SECOND);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("declared at once, work starts on one reviewer's approval (never the declarer's); follow-ups owed from the declaration")
    void proceedsWithOneApproval() {
        assertThat(say(IC, "emergency Restore the checkout service")).contains("Declared CHG-1", "approval before work starts");
        assertThat(state()).isEqualTo("PENDING_APPROVAL");
        var announcement = slack.calls("chat.postMessage").get(0);
        assertThat(announcement.param("channel")).isEqualTo(INCIDENTS);
        assertThat(announcement.blocks().toString()).contains("Emergency CHG-1", "work starts once the approvals below are in",
                "Backfill the change documentation");
        assertThat(announcement.actionIds()).startsWith(SlackIds.APPROVE_BUTTON, SlackIds.REJECT_BUTTON);
        assertThat(db.rows("SELECT count(*) AS n FROM change_timer WHERE kind = 'FOLLOW_UP_DUE'").get(0))
                .as("the deadlines run from the declaration").containsEntry("n", 2L);

        assertThat(say(IC, "approve CHG-1")).contains("You declared CHG-1, so you cannot approve it");
        assertThat(state()).isEqualTo("PENDING_APPROVAL");
        assertThat(say(IC, "resolve CHG-1")).as("nothing to resolve before work starts").doesNotContain("Resolved");

        say(REVIEWER, "approve CHG-1");
        assertThat(state()).isEqualTo("IN_PROGRESS");
        assertThat(lastMessage().actionIds()).contains(SlackIds.RESOLVE_BUTTON).doesNotContain(SlackIds.APPROVE_BUTTON);
        say(IC, "resolve CHG-1");
        assertThat(state()).isEqualTo("FOLLOW_UPS_PENDING");

        assertThat(submitSecondApproval(REVIEWER)).as("the retroactive 2nd comes from a second person")
                .contains("You approved CHG-1 before it went ahead");
        assertThat(submitSecondApproval(SECOND)).doesNotContain("errors");
        assertThat(db.rows("SELECT obligations::text AS o FROM change_request").get(0).get("o").toString())
                .contains("\"satisfiedBy\": \"" + SECOND + "\"");
    }

    @Test
    @DisplayName("the declarer may withdraw it while it waits; then nothing is owed")
    void withdrawnWhileWaiting() {
        say(IC, "emergency Flush the CDN");
        assertThat(say(REVIEWER, "cancel CHG-1")).contains("Only the requester");
        say(IC, "cancel CHG-1");

        assertThat(state()).isEqualTo("CANCELLED");
        assertThat(lastMessage().blocks().toString()).contains("Nothing: the emergency did not go ahead");
    }

    private String submitSecondApproval(String user) {
        var values = new com.google.gson.JsonObject();
        var input = new com.google.gson.JsonObject();
        input.add(SlackIds.INPUT, SlackPayloads.textValue("https://github.com/org/repo/pull/42"));
        values.add(SlackIds.ANSWER_PREFIX + "link", input);
        return app.slack(SlackPayloads.viewSubmission(user, SlackIds.SATISFY_MODAL,
                ChangeRef.obligation(new ChangeId(1), "retroactive-second-approval").encode(), values), SlackPayloads.FORM)
                .body();
    }

    @Test
    @DisplayName("rejected before work starts: nothing is owed, and its follow-up timers do nothing")
    void rejectedOwesNothing() {
        say(IC, "emergency Restart every node at once");
        say(REVIEWER, "reject CHG-1 Too broad: restart one zone at a time");
        assertThat(state()).isEqualTo("REJECTED");
        assertThat(lastMessage().blocks().toString()).contains("Nothing: the emergency did not go ahead");
        assertThat(lastMessage().actionIds()).isEmpty();

        slack.clear();
        var due = ((Number) db.rows("SELECT id FROM change_timer WHERE kind = 'FOLLOW_UP_DUE' ORDER BY due_at").get(0)
                .get("id")).longValue();
        clock.set(T0.plusSeconds(3 * 86_400));
        app.bean(FireTimer.class).fire(due);
        app.deliverOutbox();
        assertThat(db.rows("SELECT outcome FROM change_timer WHERE id = ?", due).get(0))
                .containsEntry("outcome", "nothing to do: the emergency did not go ahead");
        assertThat(state()).isEqualTo("REJECTED");
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    private SlackCall lastMessage() {
        var updates = slack.calls("chat.update");
        return updates.isEmpty() ? slack.calls("chat.postMessage").get(0) : updates.get(updates.size() - 1);
    }

    private String say(String user, String text) {
        var body = app.slack(SlashCommandsAccess.of(user, INCIDENTS, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }

    private String state() {
        return db.rows("SELECT state FROM change_request").get(0).get("state").toString();
    }
}
