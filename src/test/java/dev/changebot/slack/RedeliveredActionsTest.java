package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The other requests that record something, each delivered four times: the slash commands acting
 * on a change and the forms that approve, reject, override or answer a follow-up. Each records
 * once, and every delivery is answered as the first was (a redelivered form is closed again, not
 * told "already done" inside it).
 */
class RedeliveredActionsTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String INCIDENTS = "C0INCIDENT";
    static final String REQUESTER = "U0REQUEST";
    static final String BACKEND = "U0BACKEND";
    static final String LEAD_OF_BOTH = "U0LEADS";
    static final String IC = "U0IC";

    /** Thursday 5 March 2026: inside chat-backend's windows. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T09:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend"), clock);
        slack.userGroup("backend-leads", BACKEND, LEAD_OF_BOTH);
        slack.userGroup("sre-leads", LEAD_OF_BOTH);
        slack.userGroup("sre-oncall", IC);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("/change approve delivered four times: one approval, 'You approved' each time")
    void approveCommand() {
        request();

        var answers = fourTimes(SlashCommands.of(BACKEND, CHANNEL, "approve CHG-1"));

        assertThat(answers).extracting(RedeliveredActionsTest::text).containsOnly("You approved CHG-1.");
        assertThat(db.count("change_approval")).isEqualTo(1);
        assertThat(events("ChangeApproved")).isEqualTo(1);
    }

    @Test
    @DisplayName("the reject-reason form submitted four times: one rejection, the form closed each time")
    void rejectReasonForm() {
        request();
        click(BACKEND, SlackIds.REJECT_BUTTON);
        var modal = lastModal();

        var answers = fourTimes(SlackPayloads.viewSubmission(BACKEND, SlackIds.REJECT_MODAL,
                modal.get("private_metadata").getAsString(), input(SlackIds.REASON, "No rollback tested.")));

        assertThat(answers).containsOnly("");
        assertThat(events("ChangeRejected")).isEqualTo(1);
    }

    @Test
    @DisplayName("the override justification submitted four times: one start by override, the form closed each time")
    void overrideForm() {
        request();
        app.slack(SlashCommands.of(BACKEND, CHANNEL, "approve CHG-1"), SlackPayloads.FORM);
        clock.set(Instant.parse("2026-03-06T17:00:00Z")); // inside the weekend freeze
        click(LEAD_OF_BOTH, SlackIds.START_BUTTON);
        var modal = lastModal();

        var answers = fourTimes(SlackPayloads.viewSubmission(LEAD_OF_BOTH, SlackIds.OVERRIDE_MODAL,
                modal.get("private_metadata").getAsString(),
                input(SlackIds.OVERRIDE_JUSTIFICATION, "Card captures failing; fix cannot wait.")));

        assertThat(answers).containsOnly("");
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "IN_PROGRESS");
        assertThat(events("ChangeStartedByOverride")).isEqualTo(1);
    }

    @Test
    @DisplayName("a follow-up form and /change resolve delivered four times: resolved once, answered once, same answers")
    void followUpForm() {
        app.slack(SlashCommands.of(IC, INCIDENTS, "emergency Roll back the bad payments config"), SlackPayloads.FORM);
        var resolved = fourTimes(SlashCommands.of(IC, INCIDENTS, "resolve CHG-1"));
        var values = new JsonObject();
        for (var ask : new String[] {"what_changed", "why_urgent", "gates_skipped", "link"}) {
            values.add(SlackIds.ANSWER_PREFIX + ask, input(SlackIds.INPUT, "answer to " + ask).get(SlackIds.INPUT));
        }

        var answers = fourTimes(SlackPayloads.viewSubmission("U0OTHER", SlackIds.SATISFY_MODAL,
                ChangeRef.obligation(new ChangeId(1), "retrospective").encode(),
                values));

        assertThat(resolved).extracting(RedeliveredActionsTest::text).containsOnly("You resolved CHG-1.");
        assertThat(events("EmergencyResolved")).isEqualTo(1);
        assertThat(answers).containsOnly("");
        assertThat(events("ObligationSatisfied")).isEqualTo(1);
    }

    private void request() {
        app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.parse("2026-03-05T11:00:00Z")).inClass("medium").state()), SlackPayloads.FORM);
    }

    private void click(String user, String actionId) {
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        app.slack(SlackPayloads.buttonClick(user, CHANNEL, ts, actionId, ChangeRef.of(new ChangeId(1)).encode()),
                SlackPayloads.FORM);
    }

    private JsonObject lastModal() {
        var opened = slack.calls("views.open");
        return opened.get(opened.size() - 1).json("view").getAsJsonObject();
    }

    /** A form's state with one text input in block {@code block}. */
    private static JsonObject input(String block, String text) {
        var values = new JsonObject();
        var input = new JsonObject();
        input.add(SlackIds.INPUT, SlackPayloads.textValue(text));
        values.add(block, input);
        return values;
    }

    private List<String> fourTimes(String body) {
        var answers = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            var response = app.slack(body, SlackPayloads.FORM);
            assertThat(response.statusCode()).isEqualTo(200);
            answers.add(response.body());
        }
        return answers;
    }

    private long events(String type) {
        return db.rows("SELECT id FROM change_event WHERE type = ?", type).size();
    }

    private static String text(String answer) {
        return JsonParser.parseString(answer).getAsJsonObject().get("text").getAsString();
    }
}
