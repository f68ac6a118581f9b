package dev.changebot.slack.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/** Dotted paths into a JSON object ("user.id"), answering "missing" rather than throwing as Gson's getters do. */
final class JsonPaths {

    private JsonPaths() {
    }

    static Optional<JsonElement> element(JsonObject root, String path) {
        JsonElement at = root;
        for (var step : path.split("\\.")) {
            if (at == null || !at.isJsonObject()) {
                return Optional.empty();
            }
            at = at.getAsJsonObject().get(step);
        }
        return Optional.ofNullable(at).filter(e -> !e.isJsonNull());
    }

    /** The text at {@code path}, if it is non-blank text. */
    static Optional<String> string(JsonObject root, String path) {
        return element(root, path).filter(e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())
                .map(JsonElement::getAsString).filter(s -> !s.isBlank());
    }

    /** What is wrong when one of {@code paths} is not non-blank text: "it came without a user id". */
    static Optional<String> missing(JsonObject root, String... paths) {
        for (var path : paths) {
            if (string(root, path).isEmpty()) {
                return Optional.of("it came without " + words(path));
            }
        }
        return Optional.empty();
    }

    /** What is wrong when one of {@code names}, where present, is not an object. */
    static Optional<String> optionalObjects(JsonObject root, String... names) {
        for (var name : names) {
            var element = root.get(name);
            if (element != null && !element.isJsonNull() && !element.isJsonObject()) {
                return Optional.of("its " + name + " is not what Slack sends");
            }
        }
        return Optional.empty();
    }

    /** "user.id" → "a user id", "view.callback_id" → "a view callback id", "event.type" → "an event type". */
    private static String words(String path) {
        var words = path.replace('.', ' ').replace('_', ' ');
        return (words.startsWith("event") || words.startsWith("item") ? "an " : "a ") + words;
    }
}
