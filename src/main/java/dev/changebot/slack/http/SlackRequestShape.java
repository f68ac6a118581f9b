package dev.changebot.slack.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads just enough of a signed request to know it is one Slack would send, carrying what our
 * handlers read, before Bolt sees it: Bolt's parser throws on most malformed shapes, and logs
 * whole bodies (response_url and the verification token included) for kinds it does not know.
 * The problems are worded for a person: they are what the refusal says.
 */
final class SlackRequestShape {

    /** What a request claims to be; a slash command can be answered in words, the rest get a status. */
    enum Kind {
        SLASH_COMMAND("slash command"), INTERACTION("interaction"), EVENT("event"), OTHER("request");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * Readable when {@code problem} is empty. {@code json} is the JSON this check parsed (an
     * interaction's payload, an event's body), handed on so that it is not parsed again to tell its
     * kind; null for what carries none.
     */
    record Verdict(Kind kind, Optional<String> problem, ParsedJson json) {

        static Verdict readable(Kind kind) {
            return new Verdict(kind, Optional.empty(), null);
        }

        static Verdict readable(Kind kind, ParsedJson json) {
            return new Verdict(kind, Optional.empty(), json);
        }

        static Verdict unreadable(Kind kind, String problem) {
            return new Verdict(kind, Optional.of(problem), null);
        }
    }

    /** A JSON object and the exact text it was read from. */
    record ParsedJson(String text, JsonObject object) {
    }

    private static final Set<String> REACTIONS = Set.of("reaction_added", "reaction_removed");
    /** PostgreSQL text cannot hold NUL, and no Slack client sends one: refused here, not as a database error. */
    private static final String NUL = "it contains a NUL character, which Slack never sends";

    private SlackRequestShape() {
    }

    static Verdict of(String contentType, String body) {
        var media = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (media.startsWith("application/json")) {
            return json(body);
        }
        if (media.startsWith("application/x-www-form-urlencoded")) {
            return form(body);
        }
        return Verdict.unreadable(Kind.OTHER, "it is neither form-encoded nor JSON");
    }

    private static Verdict form(String body) {
        if (body.startsWith("{") || body.startsWith("[")) {
            return Verdict.unreadable(Kind.OTHER, "it is JSON sent as a form");
        }
        var keys = FormFields.keys(body);
        var kind = keys.contains("payload") ? Kind.INTERACTION : keys.contains("command") ? Kind.SLASH_COMMAND : Kind.OTHER;
        Map<String, String> fields;
        try {
            fields = FormFields.parse(body);
        } catch (IllegalArgumentException broken) {
            return Verdict.unreadable(kind, "its form encoding is broken");
        }
        if (fields.values().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
            return Verdict.unreadable(kind, NUL);
        }
        if (kind == Kind.INTERACTION) {
            return interaction(fields.get("payload"));
        }
        if (kind == Kind.SLASH_COMMAND) {
            return FormFields.firstBlank(fields, "command", "team_id", "user_id", "channel_id")
                    .map(field -> Verdict.unreadable(kind, "it came without a " + field.replace('_', ' ')))
                    .orElse(Verdict.readable(kind));
        }
        return fields.containsKey("ssl_check") ? Verdict.readable(kind)
                : Verdict.unreadable(kind, "it is neither a slash command nor an interaction");
    }

    private static Verdict interaction(String payload) {
        var json = object(payload);
        if (json.isEmpty()) {
            return Verdict.unreadable(Kind.INTERACTION, "its payload is not a JSON object");
        }
        var p = json.get();
        if (containsNul(p)) {
            return Verdict.unreadable(Kind.INTERACTION, NUL);
        }
        var type = JsonPaths.string(p, "type");
        if (type.isEmpty()) {
            return Verdict.unreadable(Kind.INTERACTION, "its payload has no type");
        }
        var problem = switch (type.get()) {
            case "block_actions" -> JsonPaths.missing(p, "user.id", "team.id")
                    .or(() -> JsonPaths.optionalObjects(p, "container", "channel", "message", "view"))
                    .or(() -> p.has("channel") ? JsonPaths.missing(p, "channel.id") : Optional.empty())
                    .or(() -> actions(p));
            case "view_submission" -> JsonPaths.missing(p, "user.id", "team.id", "view.type", "view.callback_id")
                    .or(() -> formState(p));
            default -> Optional.of("it is a kind of interaction Changebot does not handle");
        };
        return problem.map(text -> Verdict.unreadable(Kind.INTERACTION, text))
                .orElse(Verdict.readable(Kind.INTERACTION, new ParsedJson(payload, p)));
    }

    /**
     * Every click names at least one action, each with an id and a text value: every button of
     * ours carries one (the change it acts on), and we offer no menus, whose choice comes elsewhere.
     */
    private static Optional<String> actions(JsonObject payload) {
        var actions = payload.get("actions");
        if (actions == null || !actions.isJsonArray() || actions.getAsJsonArray().isEmpty()) {
            return Optional.of("it names no action");
        }
        for (JsonElement action : actions.getAsJsonArray()) {
            if (!action.isJsonObject() || JsonPaths.string(action.getAsJsonObject(), "action_id").isEmpty()) {
                return Optional.of("one of its actions has no action id");
            }
            if (JsonPaths.string(action.getAsJsonObject(), "value").isEmpty()) {
                return Optional.of("one of its actions carries no value");
            }
        }
        return Optional.empty();
    }

    /** A submitted form's state: block id → action id → the element's state, all objects. */
    private static Optional<String> formState(JsonObject payload) {
        var values = JsonPaths.element(payload, "view.state.values");
        if (values.isEmpty() || !values.get().isJsonObject()) {
            return Optional.of("its form has no values");
        }
        for (var block : values.get().getAsJsonObject().entrySet()) {
            if (!block.getValue().isJsonObject()
                    || !block.getValue().getAsJsonObject().entrySet().stream().allMatch(a -> a.getValue().isJsonObject())) {
                return Optional.of("its form values are not what Slack sends");
            }
        }
        return Optional.empty();
    }

    private static Verdict json(String body) {
        var json = object(body);
        if (json.isEmpty()) {
            return Verdict.unreadable(Kind.EVENT, "its body is not a JSON object");
        }
        var j = json.get();
        if (containsNul(j)) {
            return Verdict.unreadable(Kind.EVENT, NUL);
        }
        var type = JsonPaths.string(j, "type").orElse("");
        if (type.equals("url_verification")) {
            return JsonPaths.missing(j, "challenge").map(p -> Verdict.unreadable(Kind.EVENT, p))
                    .orElse(Verdict.readable(Kind.EVENT));
        }
        if (!type.equals("event_callback")) {
            return Verdict.unreadable(Kind.EVENT, "it is a kind of request Changebot does not handle");
        }
        var problem = JsonPaths.missing(j, "team_id", "event.type").or(() -> {
            var event = j.getAsJsonObject("event");
            var eventType = event.get("type").getAsString();
            if (REACTIONS.contains(eventType)) {
                return JsonPaths.missing(event, "user", "reaction", "item.type");
            }
            return eventType.equals("app_home_opened") ? JsonPaths.missing(event, "user") : Optional.empty();
        });
        return problem.map(p -> Verdict.unreadable(Kind.EVENT, p)).orElse(Verdict.readable(Kind.EVENT, new ParsedJson(body, j)));
    }

    private static boolean containsNul(JsonElement element) {
        if (element.isJsonPrimitive()) {
            return element.getAsJsonPrimitive().isString() && element.getAsString().indexOf('\0') >= 0;
        }
        if (element.isJsonArray()) {
            for (var item : element.getAsJsonArray()) {
                if (containsNul(item)) {
                    return true;
                }
            }
        }
        if (element.isJsonObject()) {
            for (var entry : element.getAsJsonObject().entrySet()) {
                if (entry.getKey().indexOf('\0') >= 0 || containsNul(entry.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<JsonObject> object(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            var element = JsonParser.parseString(text);
            return element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException notJson) {
            return Optional.empty();
        }
    }
}
