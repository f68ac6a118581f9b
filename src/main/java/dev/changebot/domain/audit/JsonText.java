package dev.changebot.domain.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into the values {@link CanonicalJson} writes: {@link Map} (String keys, in the
 * text's order), {@link List}, {@link String}, {@link Long}, {@link Boolean} and {@code null}.
 * A number that is not an integer within a long (a fraction, an exponent, a huge integer) is kept
 * as its text, a {@link String}: our details never hold one, and a fraction's text would differ
 * between languages if it were re-printed (docs/audit.md says so). Strict: one value, nothing after
 * it, no duplicate keys, no trailing commas.
 */
public final class JsonText {

    private final String text;
    private int at;

    private JsonText(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException naming the offset of what is wrong */
    public static Object parse(String text) {
        var reader = new JsonText(text);
        reader.skipSpace();
        var value = reader.value();
        reader.skipSpace();
        if (reader.at != text.length()) {
            throw reader.problem("text after the JSON value");
        }
        return value;
    }

    /** A JSON object, as a map; anything else is refused. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        var value = parse(text);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("Not a JSON object: " + abbreviate(text));
        }
        return (Map<String, Object>) value;
    }

    private Object value() {
        if (at >= text.length()) {
            throw problem("a value expected, the text ended");
        }
        char c = text.charAt(at);
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        throw problem("not a JSON value");
    }

    private Map<String, Object> object() {
        var map = new LinkedHashMap<String, Object>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw problem("an object's key is a string");
            }
            var key = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (map.containsKey(key)) {
                throw problem("the key \"" + key + "\" appears twice");
            }
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array() {
        var list = new ArrayList<Object>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string() {
        at++;
        var out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw problem("a string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw problem("a control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw problem("a string is not closed");
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw problem("a \\u escape has four hex digits");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw problem("a \\u escape has four hex digits");
                    }
                    at += 4;
                }
                default -> throw problem("an unknown escape \\" + escaped);
            }
        }
    }

    private Object number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        boolean integer = true;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9') {
                at++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integer = false;
                at++;
            } else {
                break;
            }
        }
        var token = text.substring(start, at);
        if (token.equals("-") || token.isEmpty()) {
            throw problem("not a number");
        }
        if (integer) {
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException tooLarge) {
                return token;
            }
        }
        return token;
    }

    private char peek() {
        if (at >= text.length()) {
            throw problem("the text ended too early");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw problem("'" + c + "' expected");
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private IllegalArgumentException problem(String what) {
        return new IllegalArgumentException("Not valid JSON at offset " + at + ": " + what);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
