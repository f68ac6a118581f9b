package dev.changebot.webhook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading optional fields of a provider's JSON without a stack trace for a field of the wrong shape. */
final class Json {

    private Json() {
    }

    static Optional<JsonObject> object(JsonObject parent, String name) {
        var value = parent == null ? null : parent.get(name);
        return value != null && value.isJsonObject() ? Optional.of(value.getAsJsonObject()) : Optional.empty();
    }

    static Optional<String> text(JsonObject parent, String name) {
        var value = parent == null ? null : parent.get(name);
        return primitive(value).filter(s -> !s.isBlank());
    }

    static Optional<String> primitive(JsonElement value) {
        return value != null && value.isJsonPrimitive() ? Optional.of(value.getAsString().strip()) : Optional.empty();
    }

    static Optional<Instant> instant(JsonObject parent, String name) {
        return text(parent, name).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Text cut to a length a record and a Slack message can hold. */
    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
