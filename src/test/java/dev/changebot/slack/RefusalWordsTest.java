package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.inbound.Failures;
import dev.changebot.slack.inbound.Replies;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ordinary refusals are told as what they are: an illegal move names where the change stands and
 * what to do; a request without a team or user is "could not read"; "try again" is kept for a
 * database that did not answer.
 */
@Timeout(60)
class RefusalWordsTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String REQUESTER = "U0REQUEST";

    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack);

    @BeforeEach
    void aChangeWaitingForApproval() {
        app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).state()), SlackPayloads.FORM);
    }

    @AfterEach
    void stop() {
        TestPostgres.setReachable(db, true);
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("deployed before it started: 'has not started yet', with the command that starts it; nothing recorded")
    void deployedBeforeStart() {
        say("U0REVIEW", "approve CHG-1");

        assertThat(say(REQUESTER, "deployed CHG-1 production"))
                .isEqualTo("CHG-1 has not started yet: `/change start CHG-1` first.");
        assertThat(state()).isEqualTo("APPROVED");
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeDeployed'")).isEmpty();
    }

    @Test
    @DisplayName("done while it waits for approval: told it is still waiting")
    void doneWhilePending() {
        assertThat(say(REQUESTER, "done CHG-1")).startsWith("CHG-1 is still waiting for approval");
        assertThat(state()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    @DisplayName("done twice: the second is told the change is already completed")
    void doneTwice() {
        say("U0REVIEW", "approve CHG-1");
        say(REQUESTER, "start CHG-1");
        assertThat(say(REQUESTER, "done CHG-1")).isEqualTo("CHG-1 is completed.");

        assertThat(say(REQUESTER, "done CHG-1")).isEqualTo("CHG-1 is already completed; nothing more can happen to it.");
    }

    @Test
    @DisplayName("resolve on a change that is not an emergency: told so, not 'no such change'")
    void resolveANormalChange() {
        assertThat(say(REQUESTER, "resolve CHG-1")).isEqualTo("CHG-1 is not an emergency change; only emergencies are resolved.");
    }

    @Test
    @DisplayName("a Done button clicked on a change not yet started: the same words, privately")
    void doneButtonBeforeStart() {
        say("U0REVIEW", "approve CHG-1");
        slack.clear();

        app.slack(SlackPayloads.buttonClick(REQUESTER, CHANNEL, messageTs(), SlackIds.DONE_BUTTON,
                ChangeRef.of(new ChangeId(1)).encode()), SlackPayloads.FORM);

        assertThat(slack.calls("chat.postEphemeral")).singleElement().satisfies(call -> assertThat(call.param("text"))
                .isEqualTo("CHG-1 has not started yet: `/change start CHG-1` first."));
        assertThat(state()).isEqualTo("APPROVED");
    }

    @Test
    @DisplayName("a command without a team id or a user is 'could not read that', not a database outage")
    void missingTeamOrUser() {
        var command = SlashCommands.of(REQUESTER, CHANNEL, "deployed CHG-1 production");
        for (var broken : new String[] {command.replaceAll("team_id=[^&]*&", ""), command.replaceAll("user_id=[^&]*&", "")}) {
            var text = JsonParser.parseString(app.slack(broken, SlackPayloads.FORM).body()).getAsJsonObject()
                    .get("text").getAsString();
            assertThat(text).contains("could not read that command").doesNotContain("database", "try again in a minute");
        }
        var click = MalformedRequests.edit(SlackPayloads.buttonClick(REQUESTER, CHANNEL, messageTs(), SlackIds.APPROVE_BUTTON,
                ChangeRef.of(new ChangeId(1)).encode()), payload -> payload.getAsJsonObject("user").remove("id"));
        var response = app.slack(click, SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("without a user id").doesNotContain("database");
    }

    @Test
    @DisplayName("a click while the database is away is the one 'try again'")
    void outageIsTryAgain() {
        var ts = messageTs();
        slack.clear();
        TestPostgres.setReachable(db, false);

        app.slackUndelivered(SlackPayloads.buttonClick("U0REVIEW", CHANNEL, ts, SlackIds.APPROVE_BUTTON,
                ChangeRef.of(new ChangeId(1)).encode()), SlackPayloads.FORM, Instant.now());

        assertThat(slack.calls("chat.postEphemeral")).singleElement()
                .satisfies(call -> assertThat(call.param("text")).isEqualTo(Replies.TRY_AGAIN));
        assertThat(Replies.TRY_AGAIN).isNotEqualTo(Failures.OUR_FAULT);
    }

    private String say(String user, String text) {
        var response = app.slack(SlashCommands.of(user, CHANNEL, text), SlackPayloads.FORM);
        // A change that started is answered with an empty ack: its message says so.
        return response.body().isBlank() ? ""
                : JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString();
    }

    private String state() {
        return db.rows("SELECT state FROM change_request").get(0).get("state").toString();
    }

    private String messageTs() {
        return db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
    }
}
