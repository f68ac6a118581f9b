package dev.changebot.slack.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A form-encoded body read strictly: broken percent-encoding or a field sent twice is refused, not guessed at. */
final class FormFields {

    private FormFields() {
    }

    /** The field names as sent, before decoding: enough to tell what a request claims to be. */
    static Set<String> keys(String body) {
        var keys = new LinkedHashSet<String>();
        for (var pair : body.split("&")) {
            var eq = pair.indexOf('=');
            keys.add(eq < 0 ? pair : pair.substring(0, eq));
        }
        return keys;
    }

    /**
     * The value of the field whose name decodes to {@code name}, as sent (not decoded): what {@link #parse}
     * would decode as that field's value; null when there is none.
     */
    static String rawValue(String body, String name) {
        for (var pair : body.split("&")) {
            var eq = pair.indexOf('=');
            if (name.equals(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8))) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }

    /** @throws IllegalArgumentException when a name or value cannot be decoded, or a name comes twice */
    static Map<String, String> parse(String body) {
        var fields = new LinkedHashMap<String, String>();
        if (body.isEmpty()) {
            return fields;
        }
        for (var pair : body.split("&")) {
            var eq = pair.indexOf('=');
            var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            // Bolt reads a repeated field as its first or its last occurrence depending on the field.
            if (fields.put(name, value) != null) {
                throw new IllegalArgumentException("repeated field");
            }
        }
        return fields;
    }

    /** The first of {@code names} that is missing or blank. */
    static Optional<String> firstBlank(Map<String, String> fields, String... names) {
        for (var name : names) {
            var value = fields.get(name);
            if (value == null || value.isBlank()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
