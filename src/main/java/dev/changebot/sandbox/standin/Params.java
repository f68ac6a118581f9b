package dev.changebot.sandbox.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.sandbox.workspace.SlackRefusal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Web API call's arguments, form-encoded or JSON as the SDK sends them, read as Slack reads them. */
record Params(Map<String, String> values) {

    static Params parse(String contentType, String body) {
        var values = new LinkedHashMap<String, String>();
        if (body == null || body.isEmpty()) {
            return new Params(values);
        }
        if (contentType != null && contentType.startsWith("application/json")) {
            for (Map.Entry<String, JsonElement> e : JsonParser.parseString(body).getAsJsonObject().entrySet()) {
                var value = e.getValue();
                values.put(e.getKey(), value.isJsonPrimitive() ? value.getAsString() : value.toString());
            }
            return new Params(values);
        }
        for (var pair : body.split("&")) {
            var eq = pair.indexOf('=');
            var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new Params(values);
    }

    String get(String name) {
        var value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A required argument: Slack answers invalid_arguments (or the method's own code) without it. */
    String require(String name, String error) {
        var value = get(name);
        if (value == null) {
            throw new SlackRefusal(error, List.of("[ERROR] missing required field: " + name));
        }
        return value;
    }

    boolean flag(String name) {
        var value = get(name);
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    /** blocks, as a JSON array string; refused as invalid_blocks_format when it is not one. */
    JsonArray blocks() {
        var raw = get("blocks");
        if (raw == null) {
            return null;
        }
        try {
            var parsed = JsonParser.parseString(raw);
            if (!parsed.isJsonArray()) {
                throw new SlackRefusal("invalid_blocks_format");
            }
            return parsed.getAsJsonArray();
        } catch (RuntimeException e) {
            if (e instanceof SlackRefusal refusal) {
                throw refusal;
            }
            throw new SlackRefusal("invalid_blocks_format");
        }
    }

    JsonObject view() {
        var raw = require("view", "invalid_arguments");
        try {
            return JsonParser.parseString(raw).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new SlackRefusal("invalid_arguments", List.of("[ERROR] failed to parse view JSON [json-pointer:/view]"));
        }
    }
}
