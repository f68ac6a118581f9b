package dev.changebot.sandbox;

import static dev.changebot.sandbox.SandboxApp.ALICE;
import static dev.changebot.sandbox.SandboxApp.CHANGES;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A slash command typed in the page reaches the bot as Slack sends one, and its answer shows in the workspace. */
@Timeout(120)
class SandboxCommandTest {

    @Test
    @DisplayName("/change help typed in #changes: the bot's help appears, visible to the one who typed it")
    void helpIsAnEphemeralOfTheBot() {
        try (var sandbox = SandboxApp.start()) {
            var answer = sandbox.type(ALICE, CHANGES, "/change help");

            assertThat(answer.get("ok").getAsBoolean()).as(answer.toString()).isTrue();
            var ephemerals = sandbox.state(ALICE).getAsJsonArray("ephemerals");
            assertThat(ephemerals).hasSize(1);
            var message = ephemerals.get(0).getAsJsonObject().getAsJsonObject("message");
            assertThat(message.get("bot_id").getAsString()).isEqualTo("B0CHANGEBOT");
            assertThat(message.get("text").getAsString() + message.get("blocks")).contains("/change new");
            assertThat(sandbox.state("U0BOB").getAsJsonArray("ephemerals")).isEmpty();
        }
    }
}
