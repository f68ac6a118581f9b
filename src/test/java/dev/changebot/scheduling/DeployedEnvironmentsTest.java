package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
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
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** `/change deployed` knows only the environments the policy names (rotor: staging, production). */
@Timeout(60)
class DeployedEnvironmentsTest {

    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";
    static final String REFUSED = "That is not an environment of this policy: CHG-1 can be reported deployed to staging, production.";

    final MutableClock clock = new MutableClock(T0);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void startedChange() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:rotor"), clock);
        slack.userGroup("rotor-team", "U0TEAM");
        app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(T0.plus(Duration.ofMinutes(5))).inClass("normal").state()), SlackPayloads.FORM);
        say("U0TEAM", "approve CHG-1");
        say("U0DEV", "start CHG-1");
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("an environment the policy does not name is refused, listing the ones it does; nothing recorded")
    void unknownEnvironmentRefused() {
        assertThat(say("U0DEV", "deployed CHG-1 qa")).isEqualTo(REFUSED);
        assertThat(say("U0DEV", "deployed CHG-1 QA")).isEqualTo(REFUSED);
        assertThat(say("U0DEV", "deployed CHG-1 <!here>")).as("what was typed is not echoed as live mrkdwn")
                .isEqualTo(REFUSED);

        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeDeployed'")).isEmpty();
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "IN_PROGRESS");
    }

    @Test
    @DisplayName("the policy's environments, in any case, are accepted")
    void knownEnvironmentsAccepted() {
        assertThat(say("U0DEV", "deployed CHG-1 Staging")).contains("soaking in staging");
    }

    @Test
    @DisplayName("a Deployed button whose value names another environment is refused the same way")
    void editedButtonRefused() {
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        slack.clear();

        app.slack(SlackPayloads.buttonClick("U0DEV", CHANNEL, ts, SlackIds.DEPLOYED_BUTTON,
                ChangeRef.deployment(new ChangeId(1), "qa", OptionalInt.empty()).encode()), SlackPayloads.FORM);

        assertThat(slack.calls("chat.postEphemeral")).singleElement()
                .satisfies(call -> assertThat(call.param("text")).isEqualTo(REFUSED));
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeDeployed'")).isEmpty();
    }

    private String say(String user, String text) {
        var response = app.slack(SlashCommandsAccess.of(user, CHANNEL, text), SlackPayloads.FORM);
        // A change that started is answered with an empty ack: its message says so.
        return response.body().isBlank() ? ""
                : JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString();
    }
}
