package dev.changebot.sandbox.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of the render tree: a map of plain JSON values (strings, numbers, booleans, lists, maps)
 * with a {@code type}, so any JSON library serialises it and the page builds DOM from it with
 * {@code createElement} and {@code textContent} alone. Absent values are left out, never null.
 */
public final class Node {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Node(String type) {
        fields.put("type", type);
    }

    public static Node of(String type) {
        return new Node(type);
    }

    /** Adds a field unless the value is null (or an empty string, which Slack treats as absent). */
    public Node put(String key, Object value) {
        if (value instanceof Node node) {
            fields.put(key, node.toMap());
        } else if (value != null && !"".equals(value)) {
            fields.put(key, value);
        }
        return this;
    }

    public Map<String, Object> toMap() {
        return fields;
    }

    static Map<String, Object> text(String text) {
        return of("text").put("text", text).toMap();
    }

    static Map<String, Object> styled(String style, List<Map<String, Object>> children) {
        return of(style).put("children", children).toMap();
    }
}
