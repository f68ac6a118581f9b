package dev.changebot.sandbox.render;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Interactive elements (buttons, selects, pickers, inputs) and images. Each node keeps the ids the
 * page sends back ({@code action_id}, {@code block_id}, option values) and the initial values, with
 * their labels resolved, so the page only has to draw and report what the person chose.
 */
final class Elements {

    private Elements() {
    }

    static Map<String, Object> render(Object raw, String blockId, RenderContext context) {
        Map<String, Object> element = Json.map(raw);
        String type = Json.string(element, "type");
        Node node = Node.of(type == null ? "unsupported" : type)
                .put("action_id", Json.string(element, "action_id"))
                .put("block_id", blockId)
                .put("placeholder", TextObjects.raw(element.get("placeholder")))
                .put("confirm", confirm(element.get("confirm"), context));
        if (type == null) {
            return node.toMap();
        }
        switch (type) {
            case "button":
                return node.put("text", TextObjects.render(element.get("text"), context))
                        .put("value", Json.string(element, "value"))
                        .put("style", Json.string(element, "style"))
                        .put("url", SafeUrl.orNull(Json.string(element, "url"))).toMap();
            case "static_select": case "multi_static_select": case "overflow":
            case "radio_buttons": case "checkboxes":
                return Options.choices(node, element, context).toMap();
            case "users_select": case "multi_users_select":
                return Options.directory(node, element, "user", context.users(), "@").toMap();
            case "conversations_select": case "multi_conversations_select":
            case "channels_select": case "multi_channels_select":
                return Options.directory(node, element, "channel", context.channels(), "#").toMap();
            case "plain_text_input": case "email_text_input": case "url_text_input": case "number_input":
                return textInput(node, element).toMap();
            case "datepicker":
                return node.put("initial_date", Json.string(element, "initial_date")).toMap();
            case "timepicker":
                return node.put("initial_time", Json.string(element, "initial_time")).toMap();
            case "datetimepicker":
                return dateTime(node, element, context).toMap();
            case "image":
                return image(node, element);
            default:
                return Node.of("unsupported").put("element_type", type).toMap();
        }
    }

    static Map<String, Object> image(Node node, Map<String, Object> element) {
        String url = firstNonNull(Json.string(element, "image_url"), Json.string(element, "url"));
        return node.put("url", SafeUrl.orNull(url)).put("alt", Json.string(element, "alt_text"))
                .put("title", TextObjects.raw(element.get("title"))).toMap();
    }

    private static Node textInput(Node node, Map<String, Object> element) {
        return node.put("multiline", Json.bool(element, "multiline", false))
                .put("initial_value", Json.string(element, "initial_value"))
                .put("min_length", element.get("min_length"))
                .put("max_length", element.get("max_length"))
                .put("is_decimal_allowed", element.get("is_decimal_allowed"))
                .put("min_value", Json.string(element, "min_value"))
                .put("max_value", Json.string(element, "max_value"));
    }

    /** Slack sends a datetimepicker's value as epoch seconds; the page shows it in the reader's zone. */
    private static Node dateTime(Node node, Map<String, Object> element, RenderContext context) {
        Object initial = element.get("initial_date_time");
        if (initial instanceof Number epoch) {
            ZonedDateTime at = Instant.ofEpochSecond(epoch.longValue()).atZone(context.zone());
            node.put("initial_date_time", epoch.longValue())
                    .put("initial_date", at.toLocalDate().toString())
                    .put("initial_time", at.toLocalTime().withSecond(0).withNano(0).toString());
        }
        return node;
    }

    private static Map<String, Object> confirm(Object raw, RenderContext context) {
        if (raw == null) {
            return null;
        }
        Map<String, Object> confirm = Json.map(raw);
        return Node.of("confirm")
                .put("title", TextObjects.raw(confirm.get("title")))
                .put("text", TextObjects.render(confirm.get("text"), context))
                .put("confirm", firstNonNull(TextObjects.raw(confirm.get("confirm")), "Yes"))
                .put("deny", firstNonNull(TextObjects.raw(confirm.get("deny")), "Cancel"))
                .put("style", Json.string(confirm, "style")).toMap();
    }

    static List<Map<String, Object>> all(Object rawElements, String blockId, RenderContext context) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object element : Json.list(rawElements)) {
            out.add(render(element, blockId, context));
        }
        return out;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
