package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.application.change.FireTimer;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** chat-backend, Category 4: emergencies declared in-channel, their follow-ups, deadlines, reminders and overdue. */
class EmergencyChangeTest {

    /** Friday 6 March 2026, 12:00 UTC: inside the weekend freeze's reach does not matter to an emergency. */
    static final Instant T0 = Instant.parse("2026-03-06T17:00:00Z");
    static final String INCIDENTS = "C0INCIDENT";
    static final String IC = "U0IC";
    static final String OTHER = "U0OTHER";

    final MutableClock clock = new MutableClock(T0);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend"), clock);
        slack.userGroup("sre-oncall", IC);
        slack.userGroup("backend-leads", "U0BACKEND");
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("declared in-channel: in progress at once, announced with every follow-up and its absolute deadline")
    void declaredWithFollowUps() {
        var answer = say(IC, "emergency Roll back the bad payments config");

        assertThat(answer).contains("Declared CHG-1");
        assertThat(db.rows("SELECT state, incident_commander FROM change_request").get(0))
                .containsEntry("state", "IN_PROGRESS").containsEntry("incident_commander", IC);
        var post = slack.calls("chat.postMessage").get(0);
        assertThat(post.param("channel")).isEqualTo(INCIDENTS);
        assertThat(post.blocks().toString()).contains("Emergency CHG-1", "Roll back the bad payments config",
                "Retrospective documenting the decision rationale", "due 2026-03-07 17:00 UTC",
                "Follow-up PR with proper tests and documentation", "due 2026-03-13 17:00 UTC", "not by the declarer");
        assertThat(db.rows("SELECT kind, ref, due_at FROM change_timer ORDER BY due_at, kind"))
                .extracting(r -> r.get("kind") + " " + r.get("ref"))
                .startsWith("FOLLOW_UP_REMINDER retrospective", "FOLLOW_UP_DUE retrospective");
    }

    @Test
    @DisplayName("the executive report is owed for P0 and security incidents only (or when no severity is given)")
    void executiveReportBySeverity() {
        say(IC, "emergency Drain the eu-west queue --sev P1");
        say(IC, "emergency Patch the auth bypass --sev security");
        say(IC, "emergency Restart the workers");

        assertThat(db.rows("SELECT number, obligations::text AS o FROM change_request ORDER BY number"))
                .extracting(r -> r.get("o").toString().contains("executive-report"))
                .containsExactly(false, true, true);
        assertThat(db.rows("SELECT count(*) AS n FROM change_timer WHERE ref = 'executive-report' AND change_number = 1")
                .get(0)).containsEntry("n", 0L);
    }

    @Test
    @DisplayName("only the policy's declarers may declare; --ic names another incident commander")
    void declarersAndIncidentCommander() {
        assertThat(say("U0STRANGER", "emergency Something")).contains("Only incident-commander may declare");
        say(IC, "emergency Fix the queue --ic <@U0BACKEND|bob>");

        assertThat(db.rows("SELECT requester_id, incident_commander FROM change_request").get(0))
                .containsEntry("requester_id", IC).containsEntry("incident_commander", "U0BACKEND");
    }

    @Test
    @DisplayName("resolved: follow-ups pending; the review by the declarer is refused, by someone else accepted")
    void reviewByTheDeclarerRefused() {
        say(IC, "emergency Roll back the bad payments config");
        say(IC, "resolve CHG-1");
        assertThat(state()).isEqualTo("FOLLOW_UPS_PENDING");

        assertThat(submitRetrospective(IC)).contains("You declared CHG-1");
        assertThat(submitRetrospective(OTHER)).doesNotContain("errors");

        assertThat(db.rows("SELECT obligations::text AS o FROM change_request").get(0).get("o").toString())
                .contains("\"satisfiedBy\": \"" + OTHER + "\"");
        assertThat(db.rows("SELECT status FROM change_timer WHERE ref = 'retrospective'"))
                .extracting(r -> r.get("status")).containsOnly("CANCELLED");
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ObligationSatisfied'")).hasSize(1);
    }

    @Test
    @DisplayName("a reminder goes out before the deadline; at the deadline the follow-up is overdue, escalated, and stays open")
    void remindedThenOverdue() {
        say(IC, "emergency Roll back the bad payments config");
        say(IC, "resolve CHG-1");
        slack.clear();

        clock.set(Instant.parse("2026-03-07T13:00:00Z"));
        fire("FOLLOW_UP_REMINDER", "retrospective");
        assertThat(slack.calls("chat.postMessage")).as("anyone but the declarer: asked in the incident channel")
                .extracting(c -> c.param("channel")).containsExactly(INCIDENTS);
        slack.clear();
        fire("FOLLOW_UP_REMINDER", "follow-up-pr");
        assertThat(slack.calls("chat.postMessage")).as("the role, and the incident commander accountable for it")
                .extracting(c -> c.param("channel")).containsExactlyInAnyOrder("U0BACKEND", IC);
        slack.clear();

        clock.set(Instant.parse("2026-03-07T17:00:05Z"));
        fire("FOLLOW_UP_DUE", "retrospective");

        assertThat(state()).isEqualTo("OVERDUE");
        assertThat(db.rows("SELECT obligations::text AS o FROM change_request").get(0).get("o").toString())
                .contains("\"status\": \"OVERDUE\"", "\"dueAt\": \"2026-03-07T17:00:00Z\"");
        assertThat(db.rows("SELECT late_by_ms FROM change_timer WHERE kind = 'FOLLOW_UP_DUE' AND ref = 'retrospective'")
                .get(0)).containsEntry("late_by_ms", 5000L);
        assertThat(slack.calls("chat.postMessage")).extracting(c -> c.param("channel"))
                .contains(INCIDENTS, "deployments");
        app.deliverOutbox();
        assertThat(slack.calls("chat.update").get(0).blocks().toString()).contains("OVERDUE, was due 2026-03-07 17:00 UTC");

        submitRetrospective(OTHER);
        fire("FOLLOW_UP_DUE", "follow-up-pr");
        assertThat(state()).isEqualTo("OVERDUE");
    }

    @Test
    @DisplayName("the emergency's buttons act only from its own message: Resolve and a follow-up elsewhere do nothing")
    void buttonsOnlyOnTheirMessage() {
        say(IC, "emergency Roll back the bad payments config");
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        slack.clear();

        app.slack(SlackPayloads.buttonClick(IC, INCIDENTS, "1.000001", SlackIds.RESOLVE_BUTTON,
                dev.changebot.slack.ChangeRef.of(new dev.changebot.domain.change.ChangeId(1)).encode()), SlackPayloads.FORM);
        app.slack(SlackPayloads.buttonClick(OTHER, "C0ELSEWHERE", ts, SlackIds.SATISFY_BUTTON + ":retrospective",
                ChangeRef.obligation(new ChangeId(1), "retrospective").encode()), SlackPayloads.FORM);

        assertThat(state()).isEqualTo("IN_PROGRESS");
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(slack.calls("chat.postEphemeral")).extracting(c -> c.param("text"))
                .allSatisfy(text -> assertThat(text).startsWith("That button is not on CHG-1's message")).hasSize(2);
    }

    @Test
    @DisplayName("chat-backend Post-Incident: the declarer is told at once that the retrospective must come from someone else, before any form")
    void declarerToldBeforeTheForm() {
        say(IC, "emergency Roll back the bad payments config");
        slack.clear();

        var answer = say(IC, "satisfy CHG-1 retrospective");

        assertThat(answer).contains("You declared CHG-1, so its Retrospective documenting the decision rationale must come"
                + " from someone else");
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(say(OTHER, "satisfy CHG-1 retrospective")).isEmpty();
        assertThat(slack.calls("views.open")).hasSize(1);
    }

    @Test
    @DisplayName("chat-backend Post-Incident: the announcement says who may meet each follow-up")
    void announcementSaysWho() {
        say(IC, "emergency Roll back the bad payments config");

        assertThat(slack.calls("chat.postMessage").get(0).blocks().toString())
                .contains("Follow-up PR with proper tests and documentation", "by Backend Lead", "not by the declarer");
    }

    private void fire(String kind, String ref) {
        var id = ((Number) db.rows("SELECT id FROM change_timer WHERE kind = ? AND ref = ?", kind, ref).get(0).get("id"))
                .longValue();
        app.bean(FireTimer.class).fire(id);
        app.deliverOutbox();
    }

    private String submitRetrospective(String user) {
        var values = new JsonObject();
        for (var ask : new String[] {"what_changed", "why_urgent", "gates_skipped", "link"}) {
            var input = new JsonObject();
            input.add(SlackIds.INPUT, SlackPayloads.textValue("answer to " + ask));
            values.add(SlackIds.ANSWER_PREFIX + ask, input);
        }
        return app.slack(SlackPayloads.viewSubmission(user, SlackIds.SATISFY_MODAL,
                ChangeRef.obligation(new ChangeId(1), "retrospective").encode(), values), SlackPayloads.FORM).body();
    }

    private String say(String user, String text) {
        var body = app.slack(SlashCommandsAccess.of(user, INCIDENTS, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }

    private String state() {
        return db.rows("SELECT state FROM change_request").get(0).get("state").toString();
    }
}
