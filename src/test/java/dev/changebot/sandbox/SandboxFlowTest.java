package dev.changebot.sandbox;

import static dev.changebot.sandbox.SandboxApp.ALICE;
import static dev.changebot.sandbox.SandboxApp.CHANGES;
import static dev.changebot.sandbox.SandboxApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sandbox end to end through the real bot: a person in the page requests a change in the
 * bot's modal, another approves it with the button or a reaction, the App Home opens. Each step
 * goes to /slack/events exactly as Slack would send it, and the bot's Web API calls land in the
 * workspace the page reads.
 */
@Timeout(180)
class SandboxFlowTest {

    /** test-simple.yaml: U0REVIEW, U0ALICE and U0BOB are reviewers; one approval for a normal change. */
    static final String BOB = "U0BOB";
    static final String REVIEWER = "U0REVIEW";

    private final SandboxApp sandbox = SandboxApp.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("/change new opens the bot's modal; a missing field is refused under its block, the modal stays; the corrected form posts the change in the channel")
    void requestThroughTheModal() {
        sandbox.type(ALICE, CHANGES, "/change new Upgrade payments-api");
        var modal = sandbox.topModal(ALICE);
        assertThat(modal.getAsJsonObject("view").get("callback_id").getAsString()).isEqualTo(SlackIds.NEW_CHANGE_MODAL);
        assertThat(sandbox.state(BOB).getAsJsonArray("views")).as("modals are their opener's").isEmpty();

        var incomplete = ChangeForms.complete(tomorrow()).without(SlackIds.ROLLBACK_PLAN).state();
        var refused = sandbox.post("/sandbox/api/views/submit", json("as", ALICE, "view_id", modal.get("id").getAsString(),
                "values", incomplete));

        assertThat(refused.get("closed").getAsBoolean()).isFalse();
        assertThat(refused.getAsJsonObject("errors").keySet()).contains(SlackIds.ROLLBACK_PLAN);
        assertThat(sandbox.topModal(ALICE).getAsJsonObject("errors").keySet()).contains(SlackIds.ROLLBACK_PLAN);

        var accepted = sandbox.act("/sandbox/api/views/submit", json("as", ALICE, "view_id", modal.get("id").getAsString(),
                "values", ChangeForms.complete(tomorrow()).title("Upgrade payments-api").state()));

        assertThat(accepted.get("closed").getAsBoolean()).isTrue();
        assertThat(sandbox.state(ALICE).getAsJsonArray("views")).isEmpty();
        var message = sandbox.lastBotMessage(ALICE, CHANGES);
        assertThat(message.toString()).contains("CHG-1", "Upgrade payments-api", SlackIds.APPROVE_BUTTON);
    }

    @Test
    @DisplayName("another person clicks Approve on the bot's message: the bot updates it in place")
    void approveWithTheButton() {
        var ts = requested("Rotate the TLS certificates");

        sandbox.act("/sandbox/api/action", json("as", BOB, "channel", CHANGES, "message_ts", ts,
                "action_id", SlackIds.APPROVE_BUTTON, "type", "button"));

        var message = messageAt(ts);
        assertThat(message.has("edited")).as("updated in place").isTrue();
        assertThat(message.get("text").getAsString()).endsWith("(approved)");
        assertThat(message.toString()).contains("approved by <@U0BOB>").doesNotContain(SlackIds.APPROVE_BUTTON);
    }

    @Test
    @DisplayName("a reviewer adds the policy's approval reaction: the change is approved and its message updated")
    void approveWithAReaction() {
        var ts = requested("Resize the queue workers");

        sandbox.act("/sandbox/api/reactions", json("as", REVIEWER, "channel", CHANGES, "ts", ts,
                "name", "white_check_mark", "add", true));

        var message = messageAt(ts);
        assertThat(message.getAsJsonArray("reactions").get(0).getAsJsonObject().get("count").getAsInt()).isEqualTo(1);
        assertThat(message.toString()).contains("approved by <@U0REVIEW>").doesNotContain(SlackIds.APPROVE_BUTTON);
    }

    @Test
    @DisplayName("opening the App Home: the bot publishes the person's home view")
    void appHome() {
        requested("Patch the kernel");

        sandbox.act("/sandbox/api/home", json("as", BOB));

        var home = sandbox.state(BOB).getAsJsonObject("home");
        assertThat(home.get("type").getAsString()).isEqualTo("home");
        assertThat(home.getAsJsonObject("view").toString()).contains("CHG-1");
        assertThat(sandbox.state(ALICE).get("home").isJsonNull()).as("each person's own").isTrue();
    }

    private String requested(String title) {
        sandbox.type(ALICE, CHANGES, "/change new");
        var modal = sandbox.topModal(ALICE);
        sandbox.act("/sandbox/api/views/submit", json("as", ALICE, "view_id", modal.get("id").getAsString(),
                "values", ChangeForms.complete(tomorrow()).title(title).state()));
        return sandbox.lastBotMessage(ALICE, CHANGES).get("ts").getAsString();
    }

    private JsonObject messageAt(String ts) {
        for (var message : sandbox.messages(ALICE, CHANGES)) {
            if (message.getAsJsonObject().get("ts").getAsString().equals(ts)) {
                return message.getAsJsonObject();
            }
        }
        throw new AssertionError("no message at " + ts);
    }

    private static Instant tomorrow() {
        return Instant.now().plus(Duration.ofDays(1));
    }
}
