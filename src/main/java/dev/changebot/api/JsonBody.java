package dev.changebot.api;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * A request body read strictly: one JSON object, at most {@link #MAX_BYTES}, only the fields the route
 * knows (an unknown one is named back: a typo must not be silently ignored), each of the type it takes.
 */
final class JsonBody {

    /** Far more than any check or report needs; the server's own limit (1 MB) is for Slack's payloads. */
    static final int MAX_BYTES = 64 * 1024;
    private static final Gson GSON = new Gson();

    private final JsonObject object;
    private final String prefix;

    private JsonBody(JsonObject object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    static JsonBody parse(String text, Set<String> fields) {
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("malformed_json", "The body must be a JSON object.");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ApiError(io.micronaut.http.HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large",
                    "The body is over " + MAX_BYTES / 1024 + " KiB.");
        }
        JsonElement element;
        try {
            var reader = new JsonReader(new StringReader(text));
            reader.setLenient(false);
            element = GSON.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("more after the object");
            }
        } catch (IOException | RuntimeException e) {
            throw ApiError.badRequest("malformed_json", "The body is not valid JSON.");
        }
        if (element == null || !element.isJsonObject()) {
            throw ApiError.badRequest("malformed_json", "The body must be a JSON object.");
        }
        return new JsonBody(element.getAsJsonObject(), "").only(fields);
    }

    JsonBody only(Set<String> fields) {
        for (var name : object.keySet()) {
            if (!fields.contains(name)) {
                throw ApiError.badRequest("unknown_field", "Unknown field '" + clip(prefix + name) + "'; this route takes "
                        + String.join(", ", new java.util.TreeSet<>(fields)) + ".");
            }
        }
        return this;
    }

    Optional<String> string(String name) {
        var value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw ApiError.badRequest("invalid_field", "'" + prefix + name + "' must be a string.");
        }
        var text = value.getAsString().strip();
        if (text.length() > 2000) {
            throw ApiError.unprocessable("invalid_field", "'" + prefix + name + "' is too long (2000 characters at most).");
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A string or a whole number, as CI systems write run ids either way. */
    Optional<String> identifier(String name) {
        var value = object.get(name);
        if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            return Optional.of(value.getAsJsonPrimitive().getAsBigDecimal().toPlainString());
        }
        return string(name);
    }

    Optional<Integer> integer(String name) {
        var value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        try {
            if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
                return Optional.of(value.getAsJsonPrimitive().getAsBigDecimal().intValueExact());
            }
        } catch (ArithmeticException notWhole) {
            // told below
        }
        throw ApiError.badRequest("invalid_field", "'" + prefix + name + "' must be a whole number.");
    }

    Optional<Instant> instant(String name) {
        return string(name).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiError.unprocessable("invalid_field", "'" + prefix + name
                        + "' must be an ISO-8601 instant, e.g. 2026-03-10T15:00:00Z.");
            }
        });
    }

    Optional<JsonBody> object(String name, Set<String> fields) {
        var value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonObject()) {
            throw ApiError.badRequest("invalid_field", "'" + prefix + name + "' must be an object.");
        }
        return Optional.of(new JsonBody(value.getAsJsonObject(), prefix + name + ".").only(fields));
    }

    private static String clip(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }
}
