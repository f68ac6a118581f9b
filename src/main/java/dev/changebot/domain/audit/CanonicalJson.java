package dev.changebot.domain.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one encoding an audit entry's body is hashed in, so that anyone can recompute the hash from
 * the text: JSON with no insignificant whitespace, object members sorted by key (UTF-16 code units,
 * as RFC 8785 orders them), strings escaped minimally (only {@code "}, {@code \}, and control
 * characters below U+0020), and integers only — no fractions or exponents, whose textual forms
 * differ between languages. Times are strings in one fixed form ({@link #instant}).
 *
 * <p>Values: {@link Map} with String keys, {@link List}, {@link String}, {@link Long}, {@link Integer},
 * {@link Boolean}, and {@code null}. Anything else is a programming error and is refused.
 */
public final class CanonicalJson {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private CanonicalJson() {
    }

    public static String write(Object value) {
        var out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    /**
     * A time as the body holds it: UTC, microseconds (PostgreSQL's precision), always six fractional
     * digits — {@code 2026-07-01T09:30:00.000000Z}.
     */
    public static String instant(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            appendString(out, text);
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Boolean flag) {
            out.append(flag ? "true" : "false");
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Not a canonical JSON value: " + value.getClass().getName());
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map) {
        var keys = new ArrayList<String>(map.size());
        for (var key : map.keySet()) {
            if (!(key instanceof String text)) {
                throw new IllegalArgumentException("Object keys must be strings: " + key);
            }
            keys.add(text);
        }
        // String.compareTo orders by UTF-16 code units, which is RFC 8785's order.
        keys.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendString(out, keys.get(i));
            out.append(':');
            append(out, map.get(keys.get(i)));
        }
        out.append('}');
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
