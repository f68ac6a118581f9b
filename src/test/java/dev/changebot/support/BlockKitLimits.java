package dev.changebot.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.sandbox.standin.BlockKitSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Slack's documented Block Kit limits, checked the way Slack checks them: a message or view that
 * breaks one is refused whole, with one "[ERROR] … [json-pointer:…]" line per problem. The limits
 * themselves are the sandbox stand-in's {@link BlockKitSizes} (one statement of Slack's rules, held to
 * Slack's documented cases by FakeSlackLimitsTest); nothing here or there reads the bot's own
 * constants, so a wrong one in the bot cannot hide a refusal.
 */
public final class BlockKitLimits {

    private BlockKitLimits() {
    }

    /** Slack's error for a call of {@code method}, or null when it would accept it. */
    public static Refusal check(String method, Map<String, String> params) {
        var problems = new ArrayList<String>();
        if (method.startsWith("chat.")) {
            var text = params.get("text");
            if (text != null && text.length() > 40_000) {
                return new Refusal("msg_too_long", List.of("[ERROR] text is longer than 40000 characters"));
            }
            if (params.get("blocks") != null) {
                BlockKitSizes.message(JsonParser.parseString(params.get("blocks")).getAsJsonArray(), problems);
            }
            return problems.isEmpty() ? null : new Refusal("invalid_blocks", problems);
        }
        if (method.startsWith("views.") && params.get("view") != null) {
            BlockKitSizes.view(JsonParser.parseString(params.get("view")).getAsJsonObject(), "", problems);
            return problems.isEmpty() ? null : new Refusal("invalid_arguments", problems);
        }
        return null;
    }

    /** What Slack would object to in a response to a request (a slash command's or a view submission's ack). */
    public static List<String> checkResponse(String body) {
        var problems = new ArrayList<String>();
        JsonElement json;
        try {
            json = JsonParser.parseString(body);
        } catch (RuntimeException notJson) {
            return problems;
        }
        if (!json.isJsonObject()) {
            return problems;
        }
        var response = json.getAsJsonObject();
        if (response.has("text") && response.get("text").isJsonPrimitive()
                && response.get("text").getAsString().length() > 40_000) {
            problems.add("[ERROR] text is longer than 40000 characters");
        }
        if (response.has("blocks") && response.get("blocks").isJsonArray()) {
            BlockKitSizes.message(response.getAsJsonArray("blocks"), problems);
        }
        if (response.has("view") && response.get("view").isJsonObject()) {
            BlockKitSizes.view(response.getAsJsonObject("view"), "/view", problems);
        }
        return problems;
    }

    /** Slack's answer to a call it refuses: the error code and the detail in response_metadata. */
    public record Refusal(String error, List<String> messages) {

        public String json() {
            var json = new JsonObject();
            json.addProperty("ok", false);
            json.addProperty("error", error);
            var metadata = new JsonObject();
            var list = new JsonArray();
            messages.forEach(list::add);
            metadata.add("messages", list);
            json.add("response_metadata", metadata);
            return json.toString();
        }
    }
}
