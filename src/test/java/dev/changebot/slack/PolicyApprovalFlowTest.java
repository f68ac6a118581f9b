package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Ordered, role-based approvals under the reference presets, over signed HTTP with the fake Slack. */
class PolicyApprovalFlowTest {

    static final String REQUESTER = "U0REQUEST";
    static final String CHANNEL = "C0DEPLOYS";
    static final String BACKEND = "U0BACKEND";
    static final String DBA = "U0DBA";
    static final String SRE = "U0SRE";
    static final String PRODUCT = "U0PRODUCT";
    static final String ARCHITECT = "U0ARCH";

    /** Monday 2 March 2026, 09:00 UTC. */
    final dev.changebot.support.MutableClock clock = new dev.changebot.support.MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    FakeSlackApi slack = FakeSlackApi.start();
    TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    @Test
    @DisplayName("chat-backend, Category 3: the high-risk chain is approved step by step, in order, by role holders")
    void highRiskChainInOrder() {
        startWith("chat-backend");
        requestHighRiskChange();

        for (var approver : new String[] {BACKEND, DBA, SRE, PRODUCT}) {
            click(approver);
            assertThat(state()).as("after " + approver).isEqualTo("PENDING_APPROVAL");
        }
        click(ARCHITECT);

        assertThat(state()).isEqualTo("APPROVED");
        assertThat(db.rows("SELECT approver_id, step FROM change_approval ORDER BY step"))
                .extracting(r -> r.get("approver_id") + "@" + r.get("step"))
                .containsExactly(BACKEND + "@1", DBA + "@2", SRE + "@3", PRODUCT + "@4", ARCHITECT + "@5");
        var last = slack.calls("chat.update").get(slack.calls("chat.update").size() - 1);
        assertThat(last.actionIds()).containsExactly(SlackIds.START_BUTTON);
        assertThat(last.blocks().toString()).contains("Step 5 · Tech Architect sign-off* — approved by <@" + ARCHITECT);
        assertThat(slack.calls("chat.postEphemeral")).isEmpty();
    }

    @Test
    @DisplayName("chat-backend, Change Windows \"Fallback: Second Tuesday if first window fails\": a change that missed the first Tuesday starts on the second")
    void fallbackAfterAMissedFirstWindow() {
        startWith("chat-backend");
        requestHighRiskChange();
        for (var approver : new String[] {BACKEND, DBA, SRE, PRODUCT, ARCHITECT}) {
            click(approver);
        }

        clock.set(Instant.parse("2026-04-09T03:00:00Z"));
        var between = start();
        clock.set(Instant.parse("2026-04-14T03:00:00Z"));
        var secondTuesday = start();

        assertThat(between).contains("Outside the allowed windows", "the earliest window opens Tue 02:00 UTC (2026-04-14 02:00 UTC)");
        assertThat(secondTuesday).startsWith("Started CHG-1");
        assertThat(state()).isEqualTo("IN_PROGRESS");
    }

    @Test
    @DisplayName("chat-backend: a later step's approver clicking early is told which step is awaited, and nothing is stored")
    void outOfOrderRefused() {
        startWith("chat-backend");
        requestHighRiskChange();

        click(SRE);

        assertThat(db.count("change_approval")).isZero();
        assertThat(onlyEphemeral(SRE)).isEqualTo("Not yet: waiting for step 1 (Backend Lead sign-off) before step 3 (SRE Lead sign-off).");
    }

    @Test
    @DisplayName("chat-backend: the requester approving, and someone without the role, are refused with reasons")
    void selfAndNonMemberRefused() {
        startWith("chat-backend");
        slack.userGroup("backend-leads", BACKEND, REQUESTER);
        requestHighRiskChange();

        click(REQUESTER);
        click("U0STRANGER");

        assertThat(db.count("change_approval")).isZero();
        assertThat(onlyEphemeral(REQUESTER)).contains("You requested CHG-1, so you cannot approve it");
        assertThat(onlyEphemeral("U0STRANGER")).isEqualTo(
                "Step 1 (Backend Lead sign-off) needs Backend Lead (@backend-leads), and you do not hold that role.");
    }

    @Test
    @DisplayName("chat-backend: one person holding two roles still approves only one step")
    void separationOfDuties() {
        startWith("chat-backend");
        slack.userGroup("dba-leads", DBA, BACKEND);
        requestHighRiskChange();

        click(BACKEND);
        click(BACKEND);

        assertThat(db.count("change_approval")).isEqualTo(1);
        assertThat(onlyEphemeral(BACKEND)).contains("the policy needs a different person for step 2 (DBA Lead sign-off)");
    }

    @Test
    @DisplayName("pol-012, CTRL-012.1: a normal change needs two distinct reviewers")
    void twoOfN() {
        startWith("pol-012");
        slack.userGroup("engineers", "U0ENG1", "U0ENG2", "U0ENG3");
        submit(ChangeForms.complete(nextTuesday()).inClass("normal"));

        click("U0ENG1");
        click("U0ENG1");
        assertThat(state()).isEqualTo("PENDING_APPROVAL");
        click("U0ENG2");

        assertThat(state()).isEqualTo("APPROVED");
        assertThat(db.rows("SELECT approver_id FROM change_approval ORDER BY id")).extracting(r -> r.get("approver_id"))
                .containsExactly("U0ENG1", "U0ENG2");
        assertThat(onlyEphemeral("U0ENG1")).contains("You have already approved step 1");
    }

    @Test
    @DisplayName("a pre-approved class is recorded and approved at once, without buttons")
    void preApproved() {
        startWith("mixpeek");
        // The preset names its services: a request names one (the API's standard changes need nobody).
        submit(ChangeForms.complete(nextTuesday()).inClass("standard").forService("api"));

        assertThat(state()).isEqualTo("APPROVED");
        assertThat(db.rows("SELECT type FROM change_event ORDER BY id")).extracting(r -> r.get("type"))
                .containsExactly("ChangeRequested", "ChangePreApproved");
        var post = slack.calls("chat.postMessage").get(0);
        assertThat(post.actionIds()).containsExactly(SlackIds.START_BUTTON);
        assertThat(post.blocks().toString()).contains("Pre-approved by the policy");
    }

    @Test
    @DisplayName("a class's required fields are enforced inside the modal, naming each missing one")
    void requiredFieldsOfTheClass() {
        startWith("chat-backend");

        var response = submit(ChangeForms.complete(nextTuesday()).inClass("high"));

        assertThat(response.body()).contains("\"response_action\":\"errors\"", "design_doc", "risk_assessment",
                "communication_plan", "estimated_downtime");
        assertThat(db.count("change_request")).isZero();
    }

    @Test
    @DisplayName("chat-backend, Change Windows: a start inside the weekend freeze is refused in the form, with the earliest compliant start")
    void proposedStartMustComply() {
        startWith("chat-backend");

        var response = submit(ChangeForms.complete(Instant.parse("2026-03-06T16:30:00Z")).inClass("medium"));

        var errors = com.google.gson.JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("errors");
        assertThat(errors.get(SlackIds.PROPOSED_START).getAsString()).contains("Blocked by the weekend freeze",
                "Earliest compliant start: Mon 2026-03-09 10:00 UTC.");
        assertThat(db.count("change_request")).isZero();
    }

    @Test
    @DisplayName("pol-008, 5.1: a normal change proposed without 24 hours' notice is offered the earliest start")
    void noticeIsEnforcedAtRequest() {
        startWith("pol-008");

        var response = submit(ChangeForms.complete(Instant.parse("2026-03-02T18:00:00Z")).inClass("normal")
                .text("risk_assessment", "Additive migration only.").text("estimated_downtime", "none"));

        var errors = com.google.gson.JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("errors");
        assertThat(errors.get(SlackIds.PROPOSED_START).getAsString()).contains("needs 24 h notice",
                "Earliest compliant start: Tue 2026-03-03 18:00 UTC.");
    }

    private void startWith(String preset) {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:" + preset), clock);
        slack.userGroup("backend-leads", BACKEND);
        slack.userGroup("dba-leads", DBA);
        slack.userGroup("sre-leads", SRE);
        slack.userGroup("product-owners", PRODUCT);
        slack.userGroup("tech-architects", ARCHITECT);
    }

    private void requestHighRiskChange() {
        // First Tuesday of April, 03:00 UTC: inside the maintenance window, well past the 5 business days' notice.
        var response = submit(ChangeForms.complete(Instant.parse("2026-04-07T03:00:00Z")).inClass("high")
                .text("design_doc", "https://wiki/rfc-42")
                .text("risk_assessment", "Breaking schema change; expand-contract in 3 phases.")
                .text("communication_plan", "Email all teams 3 business days before.")
                .text("estimated_downtime", "none"));
        assertThat(response.body()).doesNotContain("errors");
        slack.clear();
    }

    private HttpResponse<String> submit(ChangeForms form) {
        return app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), form.state()), SlackPayloads.FORM);
    }

    /** `/change start CHG-1` by its requester; the private answer's text. */
    private String start() {
        var body = app.slack(SlackPayloads.slashCommand(REQUESTER, CHANNEL, "start CHG-1"), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : com.google.gson.JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }

    private void click(String userId) {
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        var response = app.slack(SlackPayloads.buttonClick(userId, CHANNEL, ts, SlackIds.APPROVE_BUTTON,
                ChangeRef.of(new dev.changebot.domain.change.ChangeId(1)).encode()), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String state() {
        return db.rows("SELECT state FROM change_request").get(0).get("state").toString();
    }

    private String onlyEphemeral(String userId) {
        var calls = slack.calls("chat.postEphemeral").stream().filter(c -> userId.equals(c.param("user"))).toList();
        assertThat(calls).as("ephemeral messages to " + userId).hasSize(1);
        return calls.get(0).param("text");
    }

    /** Tuesday 10 March 2026, 15:00 UTC: inside every working-hours window, outside every freeze. */
    private static Instant nextTuesday() {
        return Instant.parse("2026-03-10T15:00:00Z");
    }
}
