package dev.changebot.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.Map;

/**
 * One call the bot made to the (fake) Slack Web API; {@code receivedNanos} is the System.nanoTime()
 * it arrived at, for benchmarks timing what follows an ack.
 */
public record SlackCall(String method, Map<String, String> params, String authorization, long receivedNanos) {

    public String param(String name) {
        return params.get(name);
    }

    /** The blocks parameter, parsed: compare structure, never raw JSON strings. */
    public JsonArray blocks() {
        var raw = params.get("blocks");
        return raw == null ? new JsonArray() : JsonParser.parseString(raw).getAsJsonArray();
    }

    public JsonElement json(String name) {
        return JsonParser.parseString(params.get(name));
    }

    /** Every action id in the blocks: which buttons the message offers. */
    public java.util.List<String> actionIds() {
        var ids = new java.util.ArrayList<String>();
        for (var block : blocks()) {
            var b = block.getAsJsonObject();
            if (b.has("elements") && "actions".equals(b.get("type").getAsString())) {
                b.getAsJsonArray("elements").forEach(e -> ids.add(e.getAsJsonObject().get("action_id").getAsString()));
            }
        }
        return ids;
    }
}
