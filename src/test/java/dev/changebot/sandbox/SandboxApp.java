package dev.changebot.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.support.RunningApp;
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

    private SandboxApp(RunningApp app) {
        this.app = app;
    }

    static SandboxApp start() {
        return start(Map.of());
    }

    static SandboxApp start(Map<String, Object> extra) {
        var properties = new HashMap<String, Object>(TestPostgres.freshDatabase().properties());
        properties.put("changebot.policy", RunningApp.TEST_POLICY);
        properties.putAll(extra);
        return new SandboxApp(RunningApp.startWith(properties));
    }

    RunningApp app() {
        return app;
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
