package dev.changebot.sandbox.web;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.changebot.sandbox.render.MrkdwnText;
import dev.changebot.sandbox.render.RenderContext;
import dev.changebot.sandbox.render.Surfaces;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds the page's {@code rendered} field beside every raw {@code blocks} and {@code view} of a state
 * answer (and {@code rendered_note} beside a pinned note): the render tree of
 * {@link dev.changebot.sandbox.render}, for the reader's time zone, with the workspace's names.
 * The raw JSON stays as the bot sent it.
 */
final class RenderedJson {

    private static final Gson GSON = new Gson();

    private RenderedJson() {
    }

    static JsonObject addTo(JsonObject state, String viewer, String tz) {
        var context = context(state, viewer, tz);
        for (var channel : array(state, "channels")) {
            var object = channel.getAsJsonObject();
            if (object.has("pinned_note") && object.get("pinned_note").isJsonPrimitive()) {
                object.add("rendered_note", GSON.toJsonTree(MrkdwnText.parse(object.get("pinned_note").getAsString(), context)));
            }
        }
        if (state.has("messages") && state.get("messages").isJsonObject()) {
            state.getAsJsonObject("messages").entrySet().forEach(e -> renderMessages(e.getValue(), context));
        }
        if (state.has("threads") && state.get("threads").isJsonObject()) {
            state.getAsJsonObject("threads").entrySet().forEach(e -> renderMessages(e.getValue(), context));
        }
        for (var ephemeral : array(state, "ephemerals")) {
            var message = ephemeral.getAsJsonObject().get("message");
            if (message != null && message.isJsonObject()) {
                renderMessage(message.getAsJsonObject(), context);
            }
        }
        for (var view : array(state, "views")) {
            renderView(view.getAsJsonObject(), context);
        }
        if (state.has("home") && state.get("home").isJsonObject()) {
            renderView(state.getAsJsonObject("home"), context);
        }
        return state;
    }

    private static void renderMessages(JsonElement list, RenderContext context) {
        if (list.isJsonArray()) {
            list.getAsJsonArray().forEach(m -> renderMessage(m.getAsJsonObject(), context));
        }
    }

    private static void renderMessage(JsonObject message, RenderContext context) {
        var text = message.has("text") && message.get("text").isJsonPrimitive() ? message.get("text").getAsString() : "";
        var blocks = GSON.fromJson(message.get("blocks"), Object.class);
        message.add("rendered", GSON.toJsonTree(Surfaces.message(text, blocks, context)));
    }

    private static void renderView(JsonObject view, RenderContext context) {
        view.add("rendered", GSON.toJsonTree(Surfaces.view(GSON.fromJson(view.get("view"), Object.class), context)));
    }

    /** The reader's zone: the page's (the browser's), else the person's own, else UTC. */
    private static RenderContext context(JsonObject state, String viewer, String tz) {
        Map<String, String> users = new HashMap<>();
        String personZone = null;
        for (var person : array(state, "people")) {
            var p = person.getAsJsonObject();
            users.put(string(p, "id"), string(p, "name"));
            if (string(p, "id").equals(viewer)) {
                personZone = string(p, "tz");
            }
        }
        if (state.has("bot") && state.get("bot").isJsonObject()) {
            // The bot is no person of the directory, but messages mention it too (<@U…> of the bot user).
            users.put(string(state.getAsJsonObject("bot"), "id"), string(state.getAsJsonObject("bot"), "name"));
        }
        Map<String, String> groups = new HashMap<>();
        for (var group : array(state, "groups")) {
            groups.put(string(group.getAsJsonObject(), "id"), string(group.getAsJsonObject(), "handle"));
        }
        Map<String, String> channels = new HashMap<>();
        for (var channel : array(state, "channels")) {
            var c = channel.getAsJsonObject();
            if (!c.has("is_im") || !c.get("is_im").getAsBoolean()) {
                channels.put(string(c, "id"), string(c, "name"));
            }
        }
        var clock = state.has("clock") ? state.getAsJsonObject("clock") : new JsonObject();
        var now = clock.has("now") ? Instant.parse(clock.get("now").getAsString()) : Instant.now();
        return new RenderContext(zone(tz, personZone), now, users, groups, channels);
    }

    private static ZoneId zone(String... candidates) {
        for (var candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return ZoneId.of(candidate);
                } catch (DateTimeException ignored) {
                    // An unknown zone from the browser: try the next.
                }
            }
        }
        return ZoneId.of("UTC");
    }

    private static JsonArray array(JsonObject state, String name) {
        return state.has(name) && state.get(name).isJsonArray() ? state.getAsJsonArray(name) : new JsonArray();
    }

    private static String string(JsonObject object, String name) {
        return object.has(name) && object.get(name).isJsonPrimitive() ? object.get(name).getAsString() : "";
    }
}
