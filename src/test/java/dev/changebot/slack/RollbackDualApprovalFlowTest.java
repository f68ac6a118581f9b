package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * chat-backend, High-Risk Deployment step 9 over signed HTTP with the fake Slack: "Rollback requires
 * dual approval (Backend Lead + SRE Lead)", given with the message's Approve rollback button or
 * `/change approve CHG-n rollback`; a rollback reported without it is recorded with a note.
 */
@Timeout(60)
class RollbackDualApprovalFlowTest {

    /** The first Tuesday of April 2026, 03:00 UTC: inside the maintenance window. */
    static final Instant WINDOW = Instant.parse("2026-04-07T03:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";
    static final String REQUESTER = "U0DEV";
    static final String BACKEND = "U0BACKENDLEADS";
    static final String SRE = "U0SRELEADS";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend"), clock);

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the Backend Lead by the Approve rollback button and the SRE Lead by command; then the rollback is recorded plainly")
    void dualApprovalThenRollback() {
        startedHighRiskChange();
        app.deliverOutbox();
        var message = lastUpdate();
        assertThat(message.actionIds()).contains(SlackIds.APPROVE_ROLLBACK_BUTTON, SlackIds.ROLLED_BACK_BUTTON);
        assertThat(message.blocks().toString()).contains("*Rollback dual approval* before rollback — waiting for"
                + " Backend Lead and SRE Lead: press Approve rollback or `/change approve CHG-1 rollback`");

        click(BACKEND, SlackIds.APPROVE_BUTTON);
        assertThat(stageEvents()).as("Approve is not Approve rollback").isEmpty();
        click(BACKEND, SlackIds.APPROVE_ROLLBACK_BUTTON);
        assertThat(say(SRE, "approve CHG-1 rollback")).isEqualTo("You approved CHG-1: Rollback dual approval before rollback.");
        assertThat(stageEvents()).containsExactly("StageApproved|button|[\"backend-lead\"]",
                "StageApproved|command|[\"sre-lead\"]");

        assertThat(say(REQUESTER, "rolledback CHG-1")).isEqualTo("CHG-1 is rolled back.");
        // The rollback also owes chat-backend's post mortem (Manual Rollback step 4), recorded just before it.
        assertThat(events()).endsWith("StageApproved", "StageApproved", "FollowUpsOwed", "ChangeFinished");
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "ROLLED_BACK");
    }

    @Test
    @DisplayName("a rollback reported with only the Backend Lead's approval is recorded (it happened), with a note that the SRE Lead's is missing")
    void rollbackWithoutDualApproval() {
        startedHighRiskChange();
        say(BACKEND, "approve CHG-1 rollback");

        assertThat(say(REQUESTER, "rolledback CHG-1")).isEqualTo("CHG-1 is rolled back. Recorded without Rollback dual"
                + " approval (missing: sre-lead); the audit trail notes it.");

        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "ROLLED_BACK");
        assertThat(events()).endsWith("StageApproved", "StageApprovalSkipped", "FollowUpsOwed", "ChangeFinished");
        assertThat(db.rows("SELECT actor_id, details->>'missing' AS missing FROM change_event"
                + " WHERE type = 'StageApprovalSkipped'")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("actor_id", REQUESTER).containsEntry("missing", "[\"sre-lead\"]"));
    }

    private void startedHighRiskChange() {
        for (var group : new String[] {"backend-leads", "dba-leads", "sre-leads", "product-owners", "tech-architects"}) {
            slack.userGroup(group, "U0" + group.toUpperCase().replace("-", ""));
        }
        app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(WINDOW).inClass("high").text("design_doc", "https://wiki/rfc-9")
                        .text("risk_assessment", "low").text("communication_plan", "email")
                        .text("estimated_downtime", "none").state()), SlackPayloads.FORM);
        for (var group : new String[] {"backend-leads", "dba-leads", "sre-leads", "product-owners", "tech-architects"}) {
            say("U0" + group.toUpperCase().replace("-", ""), "approve CHG-1");
        }
        clock.set(WINDOW);
        say(REQUESTER, "start CHG-1");
        say(REQUESTER, "deployed CHG-1 staging");
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "IN_PROGRESS");
    }

    private List<String> events() {
        return db.rows("SELECT type FROM change_event ORDER BY id").stream().map(r -> r.get("type").toString()).toList();
    }

    private List<String> stageEvents() {
        return db.rows("SELECT type, details->>'via' AS via, details->>'roles' AS roles FROM change_event"
                + " WHERE type LIKE 'Stage%' ORDER BY id").stream()
                .map(r -> r.get("type") + "|" + r.get("via") + "|" + r.get("roles")).toList();
    }

    private dev.changebot.support.SlackCall lastUpdate() {
        var updates = slack.calls("chat.update");
        return updates.get(updates.size() - 1);
    }

    private void click(String user, String actionId) {
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        app.slack(SlackPayloads.buttonClick(user, CHANNEL, ts, actionId, ChangeRef.of(new ChangeId(1)).encode()),
                SlackPayloads.FORM);
    }

    private String say(String user, String text) {
        var body = app.slack(SlashCommandsAccess.of(user, CHANNEL, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }
}
