package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.application.change.FireTimer;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackCall;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * rotor ("production only after staging, with a minimum 30-minute soak"), driven from the change's
 * message: the buttons follow the class's plan, one deployment at a time.
 */
class WorkButtonsTest {

    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";
    static final String DEPLOYED = SlackIds.DEPLOYED_BUTTON;
    static final String DONE = SlackIds.DONE_BUTTON;
    static final String ROLLED_BACK = SlackIds.ROLLED_BACK_BUTTON;
    static final String FAILED = SlackIds.FAILED_BUTTON;

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
        app.slack(SlashCommandsAccess.of("U0TEAM", CHANNEL, "approve CHG-1"), SlackPayloads.FORM);
        app.slack(SlashCommandsAccess.of("U0DEV", CHANNEL, "start CHG-1"), SlackPayloads.FORM);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("Deployed to staging → soak (only Rolled back / Failed) → Deployed to production → Done")
    void followsThePlan() {
        var started = message();
        assertThat(started.actionIds()).containsExactly(DEPLOYED, DONE, ROLLED_BACK, FAILED);
        assertThat(button(started, DEPLOYED)).contains("\"text\":\"Deployed to staging\"");
        assertThat(value(started, DEPLOYED)).isEqualTo(deployedTo("staging"));

        assertThat(click(DEPLOYED, deployedTo("staging"))).contains("CHG-1 is soaking in staging until 2026-03-10T10:30:00Z");
        assertThat(state()).isEqualTo("SOAKING");
        var soaking = message();
        assertThat(soaking.actionIds()).containsExactly(ROLLED_BACK, FAILED);
        assertThat(soaking.blocks().toString()).contains("Soaking in staging");

        clock.set(T0.plus(Duration.ofMinutes(30)));
        app.bean(FireTimer.class).fire(((Number) db.rows("SELECT id FROM change_timer").get(0).get("id")).longValue());
        app.deliverOutbox();
        assertThat(button(message(), DEPLOYED)).contains("Deployed to production");
        assertThat(value(message(), DEPLOYED)).isEqualTo(deployedTo("production"));

        assertThat(click(DEPLOYED, deployedTo("production"))).contains("CHG-1 is deployed to production.");
        assertThat(message().actionIds()).as("nothing left to deploy").containsExactly(DONE, ROLLED_BACK, FAILED);

        assertThat(click(DONE, ChangeRef.of(new ChangeId(1)).encode())).contains("completed");
        assertThat(state()).isEqualTo("COMPLETED");
        assertThat(message().actionIds()).isEmpty();
        assertThat(db.rows("SELECT type, actor_id FROM change_event"
                + " WHERE type IN ('ChangeDeployed', 'ChangeSoakCompleted', 'ChangeFinished') ORDER BY id"))
                .extracting(r -> r.get("type") + " by " + r.get("actor_id"))
                .containsExactly("ChangeDeployed by U0DEV", "ChangeSoakCompleted by changebot", "ChangeDeployed by U0DEV",
                        "ChangeFinished by U0DEV");
    }

    @Test
    @DisplayName("Rolled back during the soak: the change ends, the soak's timer is cancelled")
    void rolledBackDuringTheSoak() {
        click(DEPLOYED, deployedTo("staging"));

        assertThat(click(ROLLED_BACK, ChangeRef.of(new ChangeId(1)).encode()))
                .contains("CHG-1 is rolled back.");
        assertThat(state()).isEqualTo("ROLLED_BACK");
        assertThat(db.rows("SELECT status FROM change_timer").get(0)).containsEntry("status", "CANCELLED");
        assertThat(message().actionIds()).isEmpty();
    }

    @Test
    @DisplayName("a stale button cannot skip a stage: production before the staging soak is refused")
    void staleButtonCannotSkipTheSoak() {
        assertThat(click(DEPLOYED, deployedTo("production")))
                .contains("CHG-1 goes to production only after its soak in staging: deploy it to staging first.");
        assertThat(state()).isEqualTo("IN_PROGRESS");
    }

    @Test
    @DisplayName("the same buttons on the requester's App Home; clicking there updates the change and the Home")
    void fromTheAppHome() {
        app.slack(SlackPayloads.appHomeOpened("U0DEV"), SlackPayloads.JSON);
        assertThat(slack.calls("views.publish").get(0).json("view").toString()).contains("Deployed to staging", DEPLOYED);
        slack.clear();

        app.slack(SlackPayloads.buttonClickOnHome("U0DEV", DEPLOYED, deployedTo("staging")), SlackPayloads.FORM);

        assertThat(state()).isEqualTo("SOAKING");
        assertThat(slack.calls("views.publish")).singleElement().satisfies(call -> assertThat(call.json("view").toString())
                .contains("soaking", ROLLED_BACK).doesNotContain(DEPLOYED));
        assertThat(message().actionIds()).containsExactly(ROLLED_BACK, FAILED);
    }

    /** Clicks a button on the change's message; returns what the clicker was told privately. */
    private String click(String actionId, String value) {
        slack.clear();
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        app.slack(SlackPayloads.buttonClick("U0DEV", CHANNEL, ts, actionId, value), SlackPayloads.FORM);
        List<SlackCall> told = slack.calls("chat.postEphemeral");
        assertThat(told).hasSize(1);
        return told.get(0).param("text");
    }

    /** The change's message as it was last posted or updated. */
    private SlackCall message() {
        var updates = slack.calls("chat.update");
        if (!updates.isEmpty()) {
            return updates.get(updates.size() - 1);
        }
        var posts = slack.calls("chat.postMessage");
        return posts.get(posts.size() - 1);
    }

    private static String button(SlackCall message, String actionId) {
        for (var block : message.blocks()) {
            var b = block.getAsJsonObject();
            if (b.has("elements") && "actions".equals(b.get("type").getAsString())) {
                for (var element : b.getAsJsonArray("elements")) {
                    if (actionId.equals(element.getAsJsonObject().get("action_id").getAsString())) {
                        return element.toString();
                    }
                }
            }
        }
        return "";
    }

    /** The value of the Deployed button for the next deployment, to {@code environment}. */
    private static String deployedTo(String environment) {
        return ChangeRef.deployment(new ChangeId(1), environment, OptionalInt.empty()).encode();
    }

    private static String value(SlackCall message, String actionId) {
        return JsonParser.parseString(button(message, actionId)).getAsJsonObject().get("value").getAsString();
    }

    private String state() {
        return db.rows("SELECT state FROM change_request").get(0).get("state").toString();
    }
}
