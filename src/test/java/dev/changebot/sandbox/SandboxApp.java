package dev.changebot.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The application started as the README starts it, with no Slack credentials: the sandbox is on,
 * and the test drives it through the page's JSON API as the page would.
 */
final class SandboxApp implements AutoCloseable {

    static final String ALICE = "U0ALICE";
    static final String CHANGES = "C0CHANGES";

    private final RunningApp app;
    private final TestDatabase database;

    private SandboxApp(RunningApp app, TestDatabase database) {
        this.app = app;
        this.database = database;
    }

    static SandboxApp start() {
        return start(Map.of());
    }

    static SandboxApp start(Map<String, Object> extra) {
        var database = TestPostgres.freshDatabase();
        var properties = new HashMap<String, Object>(database.properties());
        properties.put("changebot.policy", RunningApp.TEST_POLICY);
        properties.putAll(extra);
        return new SandboxApp(RunningApp.startWith(properties), database);
    }

    RunningApp app() {
        return app;
    }

    TestDatabase database() {
        return database;
    }

    /** POSTs a page request; the answer's JSON. */
    JsonObject post(String path, JsonObject body) {
        var response = app.post(path, body.toString(), Map.of("Content-Type", "application/json"));
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    JsonObject type(String as, String channel, String text) {
        var body = new JsonObject();
        body.addProperty("as", as);
        body.addProperty("channel", channel);
        body.addProperty("text", text);
        var answer = post("/sandbox/api/command", body);
        // What the command queued for Slack goes out now, as the outbox pump would send it.
        app.deliverOutbox();
        return answer;
    }

    /** A page request whose answer must be ok; the outbox delivered after it, as the pump would. */
    JsonObject act(String path, JsonObject body) {
        var answer = post(path, body);
        if (!answer.get("ok").getAsBoolean()) {
            throw new AssertionError(path + " " + body + " was refused: " + answer);
        }
        app.deliverOutbox();
        return answer;
    }

    static JsonObject json(Object... keysAndValues) {
        var json = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            var value = keysAndValues[i + 1];
            if (value instanceof com.google.gson.JsonElement element) {
                json.add((String) keysAndValues[i], element);
            } else if (value instanceof Boolean flag) {
                json.addProperty((String) keysAndValues[i], flag);
            } else if (value instanceof Number number) {
                json.addProperty((String) keysAndValues[i], number);
            } else {
                json.addProperty((String) keysAndValues[i], String.valueOf(value));
            }
        }
        return json;
    }

    /** The modal on top of the person's stack. */
    JsonObject topModal(String as) {
        var views = state(as).getAsJsonArray("views");
        if (views.isEmpty()) {
            throw new AssertionError("no modal is open for " + as);
        }
        return views.get(views.size() - 1).getAsJsonObject();
    }

    /** The bot's last top-level message in a channel. */
    JsonObject lastBotMessage(String as, String channel) {
        JsonObject last = null;
        for (var message : messages(as, channel)) {
            if (message.getAsJsonObject().has("bot_id")) {
                last = message.getAsJsonObject();
            }
        }
        if (last == null) {
            throw new AssertionError("the bot said nothing in " + channel + ": " + messages(as, channel));
        }
        return last;
    }

    JsonObject state(String as) {
        HttpResponse<String> response = app.get("/sandbox/api/state?as=" + as);
        if (response.statusCode() != 200) {
            throw new AssertionError("state answered " + response.statusCode() + ": " + response.body());
        }
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    JsonArray messages(String as, String channel) {
        var messages = state(as).getAsJsonObject("messages");
        return messages.has(channel) ? messages.getAsJsonArray(channel) : new JsonArray();
    }

    @Override
    public void close() {
        app.close();
    }
}
