package dev.changebot.github;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/** Fields of a GitHub webhook's JSON, read leniently: a field of the wrong kind, or blank, is absent. */
final class PayloadFields {

    private PayloadFields() {
    }

    static Optional<JsonObject> object(JsonObject parent, String name) {
        var value = parent.get(name);
        return value != null && value.isJsonObject() ? Optional.of(value.getAsJsonObject()) : Optional.empty();
    }

    static Optional<String> text(JsonObject parent, String name) {
        var value = parent.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                && !value.getAsString().isBlank() ? Optional.of(value.getAsString()) : Optional.empty();
    }

    static Optional<Long> number(JsonObject parent, String name) {
        JsonElement value = parent.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.getAsBigDecimal().longValueExact());
        } catch (ArithmeticException notALong) {
            return Optional.empty();
        }
    }
}
