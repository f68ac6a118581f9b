package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackCall;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * chat-backend, Standard Deployment step 5, over signed HTTP with the fake Slack: "Manual QA approval
 * via Slack reaction (👍) or CLI command", between staging and production (Category 2: "Staging
 * deployment → automated smoke tests pass → manual QA approval").
 */
@Timeout(60)
class ManualQaApprovalFlowTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String REQUESTER = "U0DEV";
    static final String BACKEND = "U0BACKEND";
    static final String QA = "U0QUINN";
    /** Tuesday 10 March 2026, 11:00 UTC: inside the standard window. */
    static final Instant TUESDAY = Instant.parse("2026-03-10T11:00:00Z");
    static final AtomicInteger EVENT_IDS = new AtomicInteger();

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-09T09:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend"), clock);

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("production waits for QA: due once the change is in staging, given by 👍 (withdrawn by removing it) or by `/change approve`")
    void qaApprovalBetweenStagingAndProduction() {
        slack.userGroup("qa", QA);
        startedMediumChange();

        assertThat(say(REQUESTER, "deployed CHG-1 production")).isEqualTo("CHG-1 needs Manual QA approval by QA (@qa)"
                + " before production. It comes due once CHG-1 is in staging: deploy it to staging first.");
        assertThat(say(QA, "approve CHG-1"))
                .contains("Not yet: Manual QA approval before production comes due once CHG-1 is in staging.");

        say(REQUESTER, "deployed CHG-1 staging");
        app.deliverOutbox();
        var due = lastUpdate();
        assertThat(due.actionIds()).contains(SlackIds.APPROVE_BUTTON, SlackIds.DEPLOYED_BUTTON);
        assertThat(due.blocks().toString()).contains("Approve production deployment",
                "*Manual QA approval* before production — waiting for QA: press Approve, react, or `/change approve CHG-1`");

        react(true, QA, "white_check_mark", "1773140000.000100");
        assertThat(stageEvents()).as("the QA approval is given by 👍, not by the review's reaction").isEmpty();
        react(true, QA, "+1", "1773140001.000100");
        react(false, QA, "+1", "1773140002.000100");
        assertThat(stageEvents()).containsExactly("StageApproved|reaction|[\"qa\"]", "StageApprovalRevoked||");
        assertThat(say(REQUESTER, "deployed CHG-1 production")).startsWith("CHG-1 needs Manual QA approval");

        assertThat(say(QA, "approve CHG-1")).isEqualTo("You approved CHG-1: Manual QA approval before production.");
        assertThat(say(REQUESTER, "deployed CHG-1 production")).doesNotContain("needs");
        assertThat(db.rows("SELECT details->>'environment' AS env FROM change_event WHERE type = 'ChangeDeployed' ORDER BY id"))
                .extracting(r -> r.get("env")).containsExactly("staging", "production");
        app.deliverOutbox();
        assertThat(lastUpdate().blocks().toString()).contains("*Manual QA approval* before production — approved by <@" + QA + ">");
        assertThat(db.rows("SELECT stage_signoffs::text AS s FROM change_request").get(0).get("s").toString())
                .contains("\"approver\": \"" + QA + "\"", "\"roles\": [\"qa\"]");
    }

    @Test
    @DisplayName("the requester cannot give the QA approval, nor someone outside QA; they are told why, privately")
    void onlyQaNotTheRequester() {
        slack.userGroup("qa", QA, REQUESTER);
        startedMediumChange();
        say(REQUESTER, "deployed CHG-1 staging");

        assertThat(say(REQUESTER, "approve CHG-1")).contains("You requested CHG-1, so you cannot approve Manual QA"
                + " approval before production");
        assertThat(say(BACKEND, "approve CHG-1")).contains("Needs Manual QA approval by QA (@qa) before production.");
        click(BACKEND, SlackIds.APPROVE_BUTTON);
        assertThat(stageEvents()).isEmpty();
        assertThat(slack.calls("chat.postEphemeral")).isNotEmpty();
    }

    private void startedMediumChange() {
        slack.userGroup("backend-leads", BACKEND);
        app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(TUESDAY).inClass("medium").state()), SlackPayloads.FORM);
        assertThat(say(BACKEND, "approve CHG-1")).isEqualTo("You approved CHG-1.");
        clock.set(TUESDAY);
        say(REQUESTER, "start CHG-1");
        assertThat(db.rows("SELECT state FROM change_request").get(0).get("state")).isEqualTo("IN_PROGRESS");
    }

    private java.util.List<String> stageEvents() {
        return db.rows("SELECT type, details->>'via' AS via, details->>'roles' AS roles FROM change_event"
                        + " WHERE type LIKE 'Stage%' ORDER BY id").stream()
                .map(r -> r.get("type") + "|" + (r.get("via") == null ? "" : r.get("via")) + "|"
                        + (r.get("roles") == null ? "" : r.get("roles")))
                .toList();
    }

    private SlackCall lastUpdate() {
        var updates = slack.calls("chat.update");
        return updates.get(updates.size() - 1);
    }

    private String messageTs() {
        return db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
    }

    private void react(boolean added, String user, String reaction, String eventTs) {
        var response = app.slack(SlackPayloads.reaction("EvQa" + EVENT_IDS.incrementAndGet(), added, user, reaction,
                CHANNEL, messageTs(), eventTs), SlackPayloads.JSON);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private void click(String user, String actionId) {
        app.slack(SlackPayloads.buttonClick(user, CHANNEL, messageTs(), actionId, ChangeRef.of(new ChangeId(1)).encode()),
                SlackPayloads.FORM);
    }

    private String say(String user, String text) {
        var body = app.slack(SlashCommandsAccess.of(user, CHANNEL, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }
}
