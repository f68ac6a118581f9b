package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** chat-backend: starting an approved change re-checks the calendar; overrides are authorised and recorded. */
class StartAndOverrideTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String REQUESTER = "U0REQUEST";
    static final String BACKEND = "U0BACKEND";
    static final String LEAD_OF_BOTH = "U0LEADS";
    /** Friday 6 March 2026, 17:00 UTC: inside chat-backend's weekend freeze (Fri 16:00 → Mon 08:00). */
    static final Instant FRIDAY_EVENING = Instant.parse("2026-03-06T17:00:00Z");

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T09:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void approvedMediumChange() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend"), clock);
        slack.userGroup("backend-leads", BACKEND, LEAD_OF_BOTH);
        slack.userGroup("sre-leads", LEAD_OF_BOTH);
        app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.parse("2026-03-05T11:00:00Z")).inClass("medium").state()), SlackPayloads.FORM);
        app.slack(SlashCommands.of(BACKEND, CHANNEL, "approve CHG-1"), SlackPayloads.FORM);
        assertThat(state()).isEqualTo("APPROVED");
        clock.set(FRIDAY_EVENING);
        slack.clear();
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("a start inside the weekend freeze is refused with the reason and the next window")
    void weekendFreezeRefusesTheStart() {
        var answer = com.google.gson.JsonParser.parseString(
                app.slack(SlashCommands.of(REQUESTER, CHANNEL, "start CHG-1"), SlackPayloads.FORM).body())
                .getAsJsonObject().get("text").getAsString();

        assertThat(state()).isEqualTo("APPROVED");
        assertThat(answer).contains("Blocked by the weekend freeze until Mon 08:00 UTC", "opens Mon 10:00 UTC",
                "Overriding 'weekend' takes backend-lead and sre-lead together");
        assertThat(slack.calls("views.open")).isEmpty();
    }

    @Test
    @DisplayName("an authorised role overrides with a written justification, recorded as an exception and shown")
    void authorisedOverrideIsRecorded() {
        click(LEAD_OF_BOTH, SlackIds.START_BUTTON);
        var modal = slack.calls("views.open").get(0).json("view").getAsJsonObject();
        assertThat(modal.get("callback_id").getAsString()).isEqualTo(SlackIds.OVERRIDE_MODAL);

        var justification = new JsonObject();
        var input = new JsonObject();
        input.add(SlackIds.INPUT, SlackPayloads.textValue("Card captures failing for EU customers; fix cannot wait."));
        justification.add(SlackIds.OVERRIDE_JUSTIFICATION, input);
        var response = app.slack(SlackPayloads.viewSubmission(LEAD_OF_BOTH, SlackIds.OVERRIDE_MODAL,
                modal.get("private_metadata").getAsString(), justification), SlackPayloads.FORM);

        assertThat(response.body()).doesNotContain("errors");
        assertThat(db.rows("SELECT state, override_by, override_justification FROM change_request").get(0))
                .containsEntry("state", "IN_PROGRESS").containsEntry("override_by", LEAD_OF_BOTH)
                .containsEntry("override_justification", "Card captures failing for EU customers; fix cannot wait.");
        assertThat(db.rows("SELECT actor_id, details::text AS d FROM change_event WHERE type = 'ChangeStartedByOverride'"))
                .singleElement().satisfies(row -> assertThat(row.get("d").toString()).contains("weekend", "Card captures"));
        assertThat(slack.calls("chat.update").get(0).blocks().toString()).contains("Started by override");
    }

    @Test
    @DisplayName("Backend Lead + SRE Lead together may be two people: the first signs with a justification, the second completes it")
    void twoPeopleSignTheOverride() {
        slack.userGroup("backend-leads", BACKEND);
        slack.userGroup("sre-leads", "U0SRE");

        click(BACKEND, SlackIds.START_BUTTON);
        submitJustification(BACKEND, "Card captures failing for EU customers; fix cannot wait.");
        assertThat(state()).isEqualTo("APPROVED");
        assertThat(slack.calls("chat.update").get(0).blocks().toString()).contains("Override signed");

        click(BACKEND, SlackIds.START_BUTTON);
        assertThat(state()).as("the same person cannot sign twice").isEqualTo("APPROVED");
        click("U0SRE", SlackIds.START_BUTTON);

        assertThat(db.rows("SELECT state, override_by, override_justification FROM change_request").get(0))
                .containsEntry("state", "IN_PROGRESS").containsEntry("override_by", BACKEND + ",U0SRE")
                .containsEntry("override_justification", "Card captures failing for EU customers; fix cannot wait.");
        assertThat(db.rows("SELECT type, actor_id FROM change_event WHERE type LIKE 'ChangeOverride%' OR type LIKE 'ChangeStarted%' ORDER BY id"))
                .extracting(r -> r.get("type") + " by " + r.get("actor_id"))
                .containsExactly("ChangeOverrideSigned by " + BACKEND, "ChangeStartedByOverride by U0SRE");
    }

    @Test
    @DisplayName("someone holding none of the override roles is told who may, and no form opens")
    void unauthorisedCannotOverride() {
        click(REQUESTER, SlackIds.START_BUTTON);

        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(slack.calls("chat.postEphemeral").get(0).param("text")).contains("backend-lead and sre-lead together");
        assertThat(state()).isEqualTo("APPROVED");
    }

    @Test
    @DisplayName("inside a window the change simply starts")
    void startsInsideAWindow() {
        clock.set(Instant.parse("2026-03-10T11:00:00Z"));

        click(REQUESTER, SlackIds.START_BUTTON);

        assertThat(state()).isEqualTo("IN_PROGRESS");
        assertThat(db.rows("SELECT override_by FROM change_request").get(0).get("override_by")).isNull();
    }

    private void submitJustification(String user, String text) {
        var modal = slack.calls("views.open").get(slack.calls("views.open").size() - 1).json("view").getAsJsonObject();
        var justification = new JsonObject();
        var input = new JsonObject();
        input.add(SlackIds.INPUT, SlackPayloads.textValue(text));
        justification.add(SlackIds.OVERRIDE_JUSTIFICATION, input);
        var response = app.slack(SlackPayloads.viewSubmission(user, SlackIds.OVERRIDE_MODAL,
                modal.get("private_metadata").getAsString(), justification), SlackPayloads.FORM);
        assertThat(response.body()).doesNotContain("errors");
    }

    private void click(String user, String actionId) {
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        app.slack(SlackPayloads.buttonClick(user, CHANNEL, ts, actionId, ChangeRef.of(new ChangeId(1)).encode()),
                SlackPayloads.FORM);
    }

    private String state() {
        return db.rows("SELECT state FROM change_request").get(0).get("state").toString();
    }
}
