package dev.changebot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.SlackPayloads;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Requests a signing Slack workspace could send us that are not what Slack sends: every shape
 * starts from a real payload (or none) and breaks one thing. Each is signed correctly, so only
 * the error boundary stands between it and a stack trace.
 */
final class MalformedRequests {

    static final String CHANNEL = "C0DEPLOYS";
    /** Who sends them: a reviewer of the test policy, so a well-formed click would approve. */
    static final String USER = "U0REVIEW";

    /** One malformed request: what a person would call it, and the bytes on the wire. */
    record Shape(String name, String contentType, String body, boolean slashCommand) {

        @Override
        public String toString() {
            return name;
        }
    }

    private MalformedRequests() {
    }

    static List<Shape> corpus(String messageTs) {
        var shapes = new ArrayList<Shape>();
        var approve = ChangeRef.of(new ChangeId(1)).encode();

        // Interactivity: payload= that is not a JSON object of a kind we know.
        shapes.add(form("payload that is not JSON", "payload=" + encode("not json at all")));
        shapes.add(form("payload that is a JSON array", "payload=" + encode("[1,2,3]")));
        shapes.add(form("payload that is a JSON string", "payload=" + encode("\"block_actions\"")));
        shapes.add(form("empty payload", "payload="));
        shapes.add(form("payload cut short", "payload=" + encode("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"")));
        shapes.add(form("payload without a type", "payload=" + encode("{\"user\":{\"id\":\"U0REVIEW\"}}")));
        shapes.add(form("payload nested 100,000 deep", "payload=" + encode("[".repeat(100_000))));
        shapes.add(form("payload of an unknown type", "payload=" + encode("{\"type\":\"nonsense\",\"user\":{\"id\":\"U1\"}}")));

        // Block actions missing what every click carries.
        var click = SlackPayloads.buttonClick(USER, CHANNEL, messageTs, SlackIds.APPROVE_BUTTON, approve);
        shapes.add(form("block action without a user", edit(click, p -> p.remove("user"))));
        shapes.add(form("block action without a team", edit(click, p -> p.remove("team"))));
        shapes.add(form("block action whose user is a string", edit(click, p -> p.addProperty("user", USER))));
        shapes.add(form("block action whose user has no id", edit(click, p -> p.getAsJsonObject("user").remove("id"))));
        shapes.add(form("block action without actions", edit(click, p -> p.remove("actions"))));
        shapes.add(form("block action with an empty actions list", edit(click, p -> p.add("actions", new JsonArray()))));
        shapes.add(form("block action whose action is a number", edit(click, p -> {
            var actions = new JsonArray();
            actions.add(42);
            p.add("actions", actions);
        })));
        shapes.add(form("block action whose value is an object", edit(click,
                p -> firstAction(p).add("value", new JsonObject()))));
        shapes.add(form("Deployed button without a value", edit(
                SlackPayloads.buttonClick(USER, CHANNEL, messageTs, SlackIds.DEPLOYED_BUTTON, "x"),
                p -> firstAction(p).remove("value"))));
        shapes.add(form("satisfy button without a value", edit(
                SlackPayloads.buttonClick(USER, CHANNEL, messageTs, SlackIds.SATISFY_BUTTON + ":review", "x"),
                p -> firstAction(p).remove("value"))));
        shapes.add(form("block action whose channel is a string", edit(click, p -> p.addProperty("channel", CHANNEL))));
        shapes.add(form("block action whose container is a list", edit(click, p -> p.add("container", new JsonArray()))));

        // View submissions.
        var submission = SlackPayloads.viewSubmission(USER, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), ChangeForms.complete(Instant.parse("2030-01-01T10:00:00Z")).state());
        shapes.add(form("view submission without a view", edit(submission, p -> p.remove("view"))));
        shapes.add(form("view submission without a user", edit(submission, p -> p.remove("user"))));
        shapes.add(form("view submission without a team", edit(submission, p -> p.remove("team"))));
        shapes.add(form("view submission without state", edit(submission, p -> p.getAsJsonObject("view").remove("state"))));
        shapes.add(form("view submission whose values are a list", edit(submission,
                p -> p.getAsJsonObject("view").getAsJsonObject("state").add("values", new JsonArray()))));
        shapes.add(form("date-time field that is not a number", edit(submission,
                p -> p.getAsJsonObject("view").getAsJsonObject("state").getAsJsonObject("values")
                        .getAsJsonObject(SlackIds.PROPOSED_START).getAsJsonObject(SlackIds.INPUT)
                        .addProperty("selected_date_time", "tomorrow morning"))));
        shapes.add(form("view whose title holds a NUL character", edit(submission, p -> p.getAsJsonObject("view")
                .getAsJsonObject("state").getAsJsonObject("values").getAsJsonObject(SlackIds.TITLE)
                .getAsJsonObject(SlackIds.INPUT).addProperty("value", "Upgrade\u0000 payments"))));
        shapes.add(form("view whose type is missing", edit(submission, p -> p.getAsJsonObject("view").remove("type"))));

        // Slash commands.
        var command = SlashCommands.of(USER, CHANNEL, "list");
        shapes.add(slash("slash command without a team id", command.replaceAll("team_id=[^&]*&", "")));
        shapes.add(slash("slash command without a user id", command.replaceAll("user_id=[^&]*&", "")));
        shapes.add(slash("slash command with an empty user id", command.replaceAll("user_id=[^&]*&", "user_id=&")));
        shapes.add(slash("slash command with broken percent-encoding", command.replace("text=list", "text=%zz%")));
        shapes.add(slash("slash command whose text holds a NUL character",
                SlashCommands.of(USER, CHANNEL, "emergency db is down").replace("text=emergency", "text=emergency%00")));
        shapes.add(form("form with neither a command nor a payload", "foo=bar&baz=1"));
        shapes.add(form("JSON sent as a form", SlackPayloads.appHomeOpened(USER)));

        // Events API.
        var homeOpened = SlackPayloads.appHomeOpened(USER);
        shapes.add(json("event_callback without an event", editJson(homeOpened, e -> e.remove("event"))));
        shapes.add(json("event_callback whose event is a string", editJson(homeOpened, e -> e.addProperty("event", "x"))));
        shapes.add(json("event without a type", editJson(homeOpened, e -> e.getAsJsonObject("event").remove("type"))));
        shapes.add(json("event_callback without a team id", editJson(homeOpened, e -> e.remove("team_id"))));
        shapes.add(json("app_home_opened without a user",
                editJson(homeOpened, e -> e.getAsJsonObject("event").remove("user"))));
        shapes.add(json("event time that is not a number", editJson(homeOpened, e -> e.addProperty("event_time", "now"))));
        var reaction = SlackPayloads.reaction("EvR1", true, USER, "white_check_mark", CHANNEL, messageTs, "1.2");
        shapes.add(json("reaction whose item is a string",
                editJson(reaction, e -> e.getAsJsonObject("event").addProperty("item", "message"))));
        shapes.add(json("reaction without a user", editJson(reaction, e -> e.getAsJsonObject("event").remove("user"))));
        shapes.add(json("reaction whose name holds a NUL character",
                editJson(reaction, e -> e.getAsJsonObject("event").addProperty("reaction", "white_check_mark\u0000"))));
        shapes.add(json("JSON array body", "[" + homeOpened + "]"));
        shapes.add(json("JSON string body", "\"event_callback\""));
        shapes.add(json("JSON number body", "42"));
        shapes.add(json("JSON nested 100,000 deep", "{\"type\":\"event_callback\",\"event\":" + "{\"a\":".repeat(100_000)));
        shapes.add(json("JSON cut short", "{\"type\":\"event_callback\",\"event\":{"));
        shapes.add(json("empty JSON body", ""));
        shapes.add(json("JSON object without a type", "{}"));
        shapes.add(json("JSON of an unknown type", "{\"type\":\"something_else\",\"token\":\"legacy-verification-token\"}"));
        return shapes;
    }

    private static Shape form(String name, String body) {
        return new Shape(name, SlackPayloads.FORM, body, false);
    }

    private static Shape slash(String name, String body) {
        return new Shape(name, SlackPayloads.FORM, body, true);
    }

    private static Shape json(String name, String body) {
        return new Shape(name, SlackPayloads.JSON, body, false);
    }

    private static JsonObject firstAction(JsonObject payload) {
        return payload.getAsJsonArray("actions").get(0).getAsJsonObject();
    }

    /** A payload= form body, changed by {@code change}. */
    static String edit(String formBody, Consumer<JsonObject> change) {
        var json = JsonParser.parseString(URLDecoder.decode(formBody.substring("payload=".length()), StandardCharsets.UTF_8))
                .getAsJsonObject();
        change.accept(json);
        return "payload=" + encode(json.toString());
    }

    private static String editJson(String body, Consumer<JsonObject> change) {
        JsonElement json = JsonParser.parseString(body);
        change.accept(json.getAsJsonObject());
        return json.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
