package dev.changebot.sandbox.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The choices of selects, radio buttons and checkboxes (option groups flattened, each option
 * keeping its group's label), and of user and channel selects, whose options are the workspace's
 * people or channels. Initial choices are marked {@code selected}.
 */
final class Options {

    private Options() {
    }

    static Node choices(Node node, Map<String, Object> element, RenderContext context) {
        List<String> initial = initialValues(element);
        List<Map<String, Object>> options = new ArrayList<>();
        addAll(options, element.get("options"), null, initial, context);
        for (Object group : Json.list(element.get("option_groups"))) {
            Map<String, Object> groupMap = Json.map(group);
            addAll(options, groupMap.get("options"), TextObjects.raw(groupMap.get("label")), initial, context);
        }
        return node.put("options", options).put("max_selected_items", element.get("max_selected_items"));
    }

    static Node directory(Node node, Map<String, Object> element, String kind, Map<String, String> names,
            String sigil) {
        List<String> initial = new ArrayList<>();
        for (String key : List.of("initial_" + kind, "initial_conversation", "initial_channel")) {
            String single = Json.string(element, key);
            if (single != null) {
                initial.add(single);
            }
        }
        for (String key : List.of("initial_" + kind + "s", "initial_conversations", "initial_channels")) {
            for (Object id : Json.list(element.get(key))) {
                initial.add(String.valueOf(id));
            }
        }
        Map<String, String> sorted = new LinkedHashMap<>();
        names.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        for (String id : initial) {
            sorted.putIfAbsent(id, id);
        }
        List<Map<String, Object>> options = new ArrayList<>();
        sorted.forEach((id, name) -> options.add(Node.of("option").put("value", id)
                .put("text", List.of(Node.text(sigil + name)))
                .put("label", sigil + name)
                .put("selected", initial.contains(id)).toMap()));
        return node.put("options", options).put("max_selected_items", element.get("max_selected_items"));
    }

    private static void addAll(List<Map<String, Object>> out, Object rawOptions, String group, List<String> initial,
            RenderContext context) {
        for (Object raw : Json.list(rawOptions)) {
            Map<String, Object> option = Json.map(raw);
            String value = Json.string(option, "value");
            out.add(Node.of("option")
                    .put("value", value)
                    .put("text", TextObjects.render(option.get("text"), context))
                    .put("label", TextObjects.raw(option.get("text")))
                    .put("description", TextObjects.renderOrNull(option.get("description"), context))
                    .put("group", group)
                    .put("selected", value != null && initial.contains(value)).toMap());
        }
    }

    private static List<String> initialValues(Map<String, Object> element) {
        List<String> values = new ArrayList<>();
        Map<String, Object> single = Json.map(element.get("initial_option"));
        if (Json.string(single, "value") != null) {
            values.add(Json.string(single, "value"));
        }
        for (Object option : Json.list(element.get("initial_options"))) {
            String value = Json.string(Json.map(option), "value");
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
