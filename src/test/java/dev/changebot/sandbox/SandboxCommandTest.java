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

    @Test
    @DisplayName("the directory is editable: a new person and group membership show at once; a bad edit is refused whole")
    void editTheDirectory() {
        try (var sandbox = SandboxApp.start()) {
            var state = sandbox.state(ALICE);
            var people = state.getAsJsonArray("people").deepCopy();
            people.add(SandboxApp.json("id", "U0ZOE", "name", "zoe", "real_name", "Zoe Adams", "title", "SRE lead",
                    "tz", "America/New_York"));
            var groups = new com.google.gson.JsonArray();
            var members = new com.google.gson.JsonArray();
            members.add("U0ZOE");
            groups.add(SandboxApp.json("handle", "sre-leads", "name", "SRE leads", "users", members));

            var answer = sandbox.app().put("/sandbox/api/people", SandboxApp.json("people", people, "groups", groups).toString());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            var after = sandbox.state(ALICE);
            assertThat(after.getAsJsonArray("people").toString()).contains("U0ZOE", "America/New_York");
            assertThat(after.getAsJsonArray("groups").toString()).contains("S0SRELEADS", "sre-leads", "U0ZOE");
            assertThat(sandbox.state("U0ZOE").getAsJsonArray("channels").toString()).as("a DM with the bot").contains("D0ZOE");

            var bad = sandbox.app().put("/sandbox/api/people", SandboxApp.json("people", people, "groups",
                    com.google.gson.JsonParser.parseString("[{\"handle\":\"x\",\"users\":[\"U0NOBODY\"]}]")).toString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("U0NOBODY");
            assertThat(sandbox.state(ALICE).getAsJsonArray("groups").toString()).contains("sre-leads");
        }
    }

    @Test
    @DisplayName("plain text is the person's message in the channel, escaped as Slack stores it; the bot is not told")
    void plainMessage() {
        try (var sandbox = SandboxApp.start()) {
            sandbox.type(ALICE, CHANGES, "deploying <b>now</b> & then");

            var messages = sandbox.messages("U0BOB", CHANGES);
            assertThat(messages).hasSize(1);
            var message = messages.get(0).getAsJsonObject();
            assertThat(message.get("user").getAsString()).isEqualTo(ALICE);
            assertThat(message.get("text").getAsString()).isEqualTo("deploying &lt;b&gt;now&lt;/b&gt; &amp; then");
        }
    }
}
