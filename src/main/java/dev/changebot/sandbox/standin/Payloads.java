package dev.changebot.sandbox.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.changebot.sandbox.workspace.Channel;
import dev.changebot.sandbox.workspace.Person;
import dev.changebot.sandbox.workspace.Workspace;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/**
 * Request bodies exactly as Slack sends them to an app: the form of a slash command, the
 * {@code payload=} JSON of interactions, the Events API's event_callback envelope.
 */
final class Payloads {

    private Payloads() {
    }

    static String slashCommand(Person person, Channel channel, String command, String text, String responseUrl,
                               String triggerId) {
        var form = new LinkedHashMap<String, String>();
        form.put("token", "sandbox-verification-token");
        form.put("team_id", Workspace.TEAM_ID);
        form.put("team_domain", Workspace.TEAM_DOMAIN);
        form.put("channel_id", channel.id());
        form.put("channel_name", channel.isIm() ? "directmessage" : channel.name());
        form.put("user_id", person.id());
        form.put("user_name", person.name());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", Workspace.APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** What every interaction payload carries, whatever its type: who, from which team and app. */
    private static JsonObject interaction(String type, Person person) {
        var payload = new JsonObject();
        payload.addProperty("type", type);
        payload.add("team", SlackJson.team());
        payload.add("user", SlackJson.payloadUser(person));
        payload.addProperty("api_app_id", Workspace.APP_ID);
        payload.addProperty("token", "sandbox-verification-token");
        payload.addProperty("is_enterprise_install", false);
        return payload;
    }

    /** block_actions: {@code container}, and {@code channel} + {@code message} or {@code view} as Slack adds them. */
    static String blockActions(Person person, JsonObject container, Channel channel, JsonObject message, JsonObject view,
                               JsonObject action, JsonObject stateValues, String triggerId, String responseUrl) {
        var payload = interaction("block_actions", person);
        payload.add("container", container);
        payload.addProperty("trigger_id", triggerId);
        payload.add("enterprise", com.google.gson.JsonNull.INSTANCE);
        if (channel != null) {
            var c = new JsonObject();
            c.addProperty("id", channel.id());
            c.addProperty("name", channel.isIm() ? "directmessage" : channel.name());
            payload.add("channel", c);
        }
        if (message != null) {
            payload.add("message", message);
        }
        if (view != null) {
            payload.add("view", view);
        }
        var state = new JsonObject();
        state.add("values", stateValues);
        payload.add("state", state);
        if (responseUrl != null) {
            payload.addProperty("response_url", responseUrl);
        }
        var actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        return form(payload);
    }

    static String viewSubmission(Person person, JsonObject view, String triggerId) {
        var payload = interaction("view_submission", person);
        payload.addProperty("trigger_id", triggerId);
        payload.add("view", view);
        payload.add("response_urls", new JsonArray());
        payload.add("enterprise", com.google.gson.JsonNull.INSTANCE);
        return form(payload);
    }

    static String viewClosed(Person person, JsonObject view, boolean cleared) {
        var payload = interaction("view_closed", person);
        payload.add("view", view);
        payload.addProperty("is_cleared", cleared);
        return form(payload);
    }

    static String reaction(boolean added, String user, String name, String itemUser, String channel, String ts,
                           String eventTs) {
        var item = new JsonObject();
        item.addProperty("type", "message");
        item.addProperty("channel", channel);
        item.addProperty("ts", ts);
        var event = new JsonObject();
        event.addProperty("type", added ? "reaction_added" : "reaction_removed");
        event.addProperty("user", user);
        event.addProperty("reaction", name);
        event.addProperty("item_user", itemUser);
        event.add("item", item);
        event.addProperty("event_ts", eventTs);
        return eventCallback(event, eventTs);
    }

    static String appHomeOpened(String user, String dmChannel, JsonObject homeView, String eventTs) {
        var event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", user);
        event.addProperty("channel", dmChannel);
        event.addProperty("tab", "home");
        if (homeView != null) {
            event.add("view", homeView);
        }
        event.addProperty("event_ts", eventTs);
        return eventCallback(event, eventTs);
    }

    private static String eventCallback(JsonObject event, String eventTs) {
        var json = new JsonObject();
        json.addProperty("token", "sandbox-verification-token");
        json.addProperty("team_id", Workspace.TEAM_ID);
        json.addProperty("api_app_id", Workspace.APP_ID);
        json.add("event", event);
        json.addProperty("type", "event_callback");
        json.addProperty("event_id", "Ev0SBX" + eventTs.replace(".", ""));
        json.addProperty("event_time", Long.parseLong(eventTs.substring(0, eventTs.indexOf('.'))));
        var authorization = new JsonObject();
        authorization.addProperty("team_id", Workspace.TEAM_ID);
        authorization.addProperty("user_id", Workspace.BOT_USER_ID);
        authorization.addProperty("is_bot", true);
        authorization.addProperty("is_enterprise_install", false);
        var authorizations = new JsonArray();
        authorizations.add(authorization);
        json.add("authorizations", authorizations);
        json.addProperty("is_ext_shared_channel", false);
        json.addProperty("event_context", "4-sandbox");
        return json.toString();
    }

    static String form(JsonObject payload) {
        return "payload=" + encode(payload.toString());
    }


    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
