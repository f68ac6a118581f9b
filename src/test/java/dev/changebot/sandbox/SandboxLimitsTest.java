package dev.changebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stand-in refuses what Slack refuses, with Slack's error codes, and the page sees the refusal
 * in state.errors (so a size bug in the bot shows in the sandbox). Calls are made as the bot makes
 * them: with its bearer token, form-encoded.
 */
@Timeout(120)
class SandboxLimitsTest {

    private final SandboxApp sandbox = SandboxApp.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("a message of 51 blocks: invalid_blocks with Slack's pointer, recorded for the page; nothing posted")
    void tooManyBlocks() {
        var blocks = new JsonArray();
        for (int i = 0; i < 51; i++) {
            blocks.add(section("block " + i));
        }

        var answer = call("chat.postMessage", Map.of("channel", "C0CHANGES", "text", "many", "blocks", blocks.toString()));

        assertThat(answer.get("ok").getAsBoolean()).isFalse();
        assertThat(answer.get("error").getAsString()).isEqualTo("invalid_blocks");
        assertThat(answer.getAsJsonObject("response_metadata").getAsJsonArray("messages").toString())
                .contains("must be less than 51 items [json-pointer:/blocks]");
        assertThat(sandbox.messages(SandboxApp.ALICE, "C0CHANGES")).isEmpty();
        var error = lastError();
        assertThat(error.get("method").getAsString()).isEqualTo("chat.postMessage");
        assertThat(error.get("error").getAsString()).isEqualTo("invalid_blocks");
        assertThat(error.get("detail").getAsString()).contains("json-pointer:/blocks");
    }

    @Test
    @DisplayName("text over 40,000 characters: msg_too_long; a section over 3,000: invalid_blocks naming it")
    void tooLong() {
        assertThat(call("chat.postMessage", Map.of("channel", "C0CHANGES", "text", "x".repeat(40_001)))
                .get("error").getAsString()).isEqualTo("msg_too_long");
        var blocks = new JsonArray();
        blocks.add(section("y".repeat(3_001)));
        var answer = call("chat.postMessage", Map.of("channel", "C0CHANGES", "text", "t", "blocks", blocks.toString()));
        assertThat(answer.get("error").getAsString()).isEqualTo("invalid_blocks");
        assertThat(answer.toString()).contains("json-pointer:/blocks/0/text/text");
    }

    @Test
    @DisplayName("a modal of 101 blocks or a title over 24 characters: refused whole, recorded")
    void viewLimits() {
        var trigger = sandbox.app().bean(dev.changebot.sandbox.workspace.Workspace.class).issueTrigger(SandboxApp.ALICE);
        var view = new JsonObject();
        view.addProperty("type", "modal");
        view.add("title", plain("A title well over the limit"));
        var blocks = new JsonArray();
        for (int i = 0; i < 101; i++) {
            blocks.add(section("b" + i));
        }
        view.add("blocks", blocks);

        var answer = call("views.open", Map.of("trigger_id", trigger, "view", view.toString()));

        assertThat(answer.get("error").getAsString()).isEqualTo("invalid_arguments");
        assertThat(answer.toString()).contains("json-pointer:/view/blocks", "json-pointer:/view/title/text");
        assertThat(lastError().get("method").getAsString()).isEqualTo("views.open");
        assertThat(sandbox.state(SandboxApp.ALICE).getAsJsonArray("views")).isEmpty();
    }

    @Test
    @DisplayName("the wrong token: invalid_auth; none: not_authed; an unknown method: unknown_method")
    void authentication() {
        var wrong = sandbox.app().post("/sandbox/slack/api/auth.test", "", Map.of(
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer xoxb-guess"));
        assertThat(JsonParser.parseString(wrong.body()).getAsJsonObject().get("error").getAsString()).isEqualTo("invalid_auth");
        var none = sandbox.app().post("/sandbox/slack/api/auth.test", "", Map.of(
                "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(JsonParser.parseString(none.body()).getAsJsonObject().get("error").getAsString()).isEqualTo("not_authed");
        assertThat(call("chat.scheduleMessage", Map.of()).get("error").getAsString()).isEqualTo("unknown_method");
    }

    private JsonObject call(String method, Map<String, String> params) {
        var token = sandbox.app().bean(SandboxCredentials.class).botToken();
        var form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        var response = sandbox.app().post("/sandbox/slack/api/" + method, form.toString(), Map.of(
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer " + token));
        assertThat(response.statusCode()).as("Slack answers refusals with 200 too").isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private JsonObject lastError() {
        var errors = sandbox.state(SandboxApp.ALICE).getAsJsonArray("errors");
        assertThat(errors).isNotEmpty();
        return errors.get(errors.size() - 1).getAsJsonObject();
    }

    private static JsonObject section(String text) {
        var block = new JsonObject();
        block.addProperty("type", "section");
        var t = new JsonObject();
        t.addProperty("type", "mrkdwn");
        t.addProperty("text", text);
        block.add("text", t);
        return block;
    }

    private static JsonObject plain(String text) {
        var t = new JsonObject();
        t.addProperty("type", "plain_text");
        t.addProperty("text", text);
        return t;
    }
}
