package dev.changebot.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Request bodies shaped exactly as Slack sends them: form-encoded slash commands,
 * {@code payload=} JSON for interactivity, and JSON event callbacks.
 */
public final class SlackPayloads {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";
    public static final String APP_ID = "A0CHANGEBOT";
    /** Makes each trigger and view id unique, as Slack does: the same one again is a redelivery. */
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    private SlackPayloads() {
    }

    public static String slashCommand(String userId, String channelId, String text) {
        var form = new LinkedHashMap<String, String>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", FakeSlackApi.TEAM_ID);
        form.put("team_domain", "changebot-test");
        form.put("channel_id", channelId);
        form.put("channel_name", "deploys");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", "/change");
        form.put("text", text);
        form.put("api_app_id", APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", "https://hooks.slack.com/commands/T0CHANGE/1/abc");
        form.put("trigger_id", "1337.42." + Long.toHexString(System.nanoTime()) + IDS.incrementAndGet());
        return formEncode(form);
    }

    /** A button click on a message the bot posted. */
    public static String buttonClick(String userId, String channelId, String messageTs, String actionId, String value) {
        var payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        payload.add("user", user(userId));
        payload.addProperty("api_app_id", APP_ID);
        payload.addProperty("token", "legacy-verification-token");
        var container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", messageTs);
        container.addProperty("channel_id", channelId);
        container.addProperty("is_ephemeral", false);
        payload.add("container", container);
        payload.addProperty("trigger_id", "1337.43." + Long.toHexString(System.nanoTime()));
        payload.add("team", team());
        payload.addProperty("is_enterprise_install", false);
        var channel = new JsonObject();
        channel.addProperty("id", channelId);
        channel.addProperty("name", "deploys");
        payload.add("channel", channel);
        var message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("user", FakeSlackApi.BOT_USER_ID);
        message.addProperty("bot_id", "BBOT");
        message.addProperty("ts", messageTs);
        message.addProperty("text", "CHG");
        payload.add("message", message);
        var state = new JsonObject();
        state.add("values", new JsonObject());
        payload.add("state", state);
        payload.addProperty("response_url", "https://hooks.slack.com/actions/T0CHANGE/1/abc");
        var action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "change_actions");
        action.add("text", plainText(actionId));
        action.addProperty("value", value);
        action.addProperty("type", "button");
        action.addProperty("action_ts", System.currentTimeMillis() / 1000 + ".000200");
        var actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    /** A button click on the App Home tab: the container is the home view, and there is no channel. */
    public static String buttonClickOnHome(String userId, String actionId, String value) {
        var payload = com.google.gson.JsonParser.parseString(java.net.URLDecoder.decode(
                buttonClick(userId, "C0UNUSED", "1.1", actionId, value).substring("payload=".length()),
                StandardCharsets.UTF_8)).getAsJsonObject();
        var container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", "V0HOME");
        payload.add("container", container);
        payload.remove("channel");
        payload.remove("message");
        var view = new JsonObject();
        view.addProperty("id", "V0HOME");
        view.addProperty("type", "home");
        payload.add("view", view);
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    /** An app_home_opened event for the Home tab. */
    public static String appHomeOpened(String userId) {
        var event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", userId);
        event.addProperty("channel", "D0HOME");
        event.addProperty("tab", "home");
        event.addProperty("event_ts", System.currentTimeMillis() / 1000 + ".000100");
        return eventCallback("EvHome" + System.nanoTime(), event);
    }

    /** A modal submitted; {@code values} is the view state, block id → action id → value. */
    public static String viewSubmission(String userId, String callbackId, String privateMetadata, JsonObject values) {
        // Every modal Slack opens has its own id; submitting the same one again is a redelivery.
        var viewId = "V0" + Long.toString(IDS.incrementAndGet(), 36).toUpperCase(java.util.Locale.ROOT);
        var view = new JsonObject();
        view.addProperty("id", viewId);
        view.addProperty("team_id", FakeSlackApi.TEAM_ID);
        view.addProperty("type", "modal");
        view.add("blocks", new JsonArray());
        view.addProperty("private_metadata", privateMetadata);
        view.addProperty("callback_id", callbackId);
        var state = new JsonObject();
        state.add("values", values);
        view.add("state", state);
        view.addProperty("hash", "1700000000.abcdef");
        view.add("title", plainText("Form"));
        view.addProperty("clear_on_close", false);
        view.addProperty("notify_on_close", false);
        view.addProperty("root_view_id", viewId);
        view.addProperty("app_id", APP_ID);
        view.addProperty("external_id", "");
        view.addProperty("app_installed_team_id", FakeSlackApi.TEAM_ID);
        view.addProperty("bot_id", "BBOT");
        var payload = new JsonObject();
        payload.addProperty("type", "view_submission");
        payload.add("team", team());
        payload.add("user", user(userId));
        payload.addProperty("api_app_id", APP_ID);
        payload.addProperty("token", "legacy-verification-token");
        payload.addProperty("trigger_id", "1337.44." + Long.toHexString(System.nanoTime()));
        payload.add("view", view);
        payload.add("response_urls", new JsonArray());
        payload.addProperty("is_enterprise_install", false);
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    /** The same modal (id and hash) submitted again with other values: a form Slack sent back with errors, corrected. */
    public static String resubmitted(String viewSubmission, JsonObject values) {
        var payload = com.google.gson.JsonParser.parseString(java.net.URLDecoder.decode(
                viewSubmission.substring("payload=".length()), StandardCharsets.UTF_8)).getAsJsonObject();
        var state = new JsonObject();
        state.add("values", values);
        payload.getAsJsonObject("view").add("state", state);
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    public static String urlVerification(String challenge) {
        var json = new JsonObject();
        json.addProperty("token", "legacy-verification-token");
        json.addProperty("challenge", challenge);
        json.addProperty("type", "url_verification");
        return json.toString();
    }

    /** An Events API delivery wrapping {@code event}. */
    public static String eventCallback(String eventId, JsonObject event) {
        var json = new JsonObject();
        json.addProperty("token", "legacy-verification-token");
        json.addProperty("team_id", FakeSlackApi.TEAM_ID);
        json.addProperty("api_app_id", APP_ID);
        json.add("event", event);
        json.addProperty("type", "event_callback");
        json.addProperty("event_id", eventId);
        json.addProperty("event_time", System.currentTimeMillis() / 1000);
        return json.toString();
    }

    /** A reaction_added or reaction_removed event on a message, as the Events API delivers it. */
    public static String reaction(String eventId, boolean added, String userId, String reactionName, String channelId,
                                  String messageTs, String eventTs) {
        var item = new JsonObject();
        item.addProperty("type", "message");
        item.addProperty("channel", channelId);
        item.addProperty("ts", messageTs);
        var event = new JsonObject();
        event.addProperty("type", added ? "reaction_added" : "reaction_removed");
        event.addProperty("user", userId);
        event.addProperty("reaction", reactionName);
        event.addProperty("item_user", FakeSlackApi.BOT_USER_ID);
        event.add("item", item);
        event.addProperty("event_ts", eventTs);
        return eventCallback(eventId, event);
    }

    /** View state for a plain text input. */
    public static JsonObject textValue(String value) {
        var v = new JsonObject();
        v.addProperty("type", "plain_text_input");
        v.addProperty("value", value);
        return v;
    }

    public static JsonObject selectValue(String value) {
        var option = new JsonObject();
        option.add("text", plainText(value));
        option.addProperty("value", value);
        var v = new JsonObject();
        v.addProperty("type", "static_select");
        v.add("selected_option", option);
        return v;
    }

    public static JsonObject dateTimeValue(long epochSecond) {
        var v = new JsonObject();
        v.addProperty("type", "datetimepicker");
        v.addProperty("selected_date_time", epochSecond);
        return v;
    }

    public static JsonObject numberValue(String value) {
        var v = new JsonObject();
        v.addProperty("type", "number_input");
        v.addProperty("value", value);
        return v;
    }

    /** Wraps element values into Slack's block id → action id → value shape. */
    public static JsonObject state(Map<String, JsonObject> byBlock, String actionId) {
        var values = new JsonObject();
        byBlock.forEach((block, value) -> {
            var actions = new JsonObject();
            actions.add(actionId, value);
            values.add(block, actions);
        });
        return values;
    }

    private static JsonObject user(String userId) {
        var user = new JsonObject();
        user.addProperty("id", userId);
        user.addProperty("username", userId.toLowerCase());
        user.addProperty("name", userId.toLowerCase());
        user.addProperty("team_id", FakeSlackApi.TEAM_ID);
        return user;
    }

    private static JsonObject team() {
        var team = new JsonObject();
        team.addProperty("id", FakeSlackApi.TEAM_ID);
        team.addProperty("domain", "changebot-test");
        return team;
    }

    private static JsonObject plainText(String text) {
        var t = new JsonObject();
        t.addProperty("type", "plain_text");
        t.addProperty("text", text);
        t.addProperty("emoji", true);
        return t;
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
