package dev.changebot.sandbox.render;

import java.util.List;
import java.util.Map;

/** Reading parsed JSON (maps, lists, strings, numbers, booleans) without trusting its shape. */
final class Json {

    private Json() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : String.valueOf(value);
    }

    static boolean bool(Map<String, Object> map, String key, boolean otherwise) {
        Object value = map.get(key);
        return value instanceof Boolean b ? b : otherwise;
    }
}
