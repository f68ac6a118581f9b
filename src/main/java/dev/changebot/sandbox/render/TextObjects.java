package dev.changebot.sandbox.render;

import java.util.List;
import java.util.Map;

/** Block Kit text objects: {@code mrkdwn} is parsed, {@code plain_text} is shown as written. */
final class TextObjects {

    private TextObjects() {
    }

    static List<Map<String, Object>> render(Object textObject, RenderContext context) {
        Map<String, Object> object = Json.map(textObject);
        String text = Json.string(object, "text");
        if ("mrkdwn".equals(Json.string(object, "type"))) {
            return MrkdwnText.parse(text, context);
        }
        return MrkdwnText.plain(text, Json.bool(object, "emoji", true));
    }

    /** The text, or null when the object is absent (so the field is left out). */
    static List<Map<String, Object>> renderOrNull(Object textObject, RenderContext context) {
        return textObject == null ? null : render(textObject, context);
    }

    /** The raw string of a plain_text object, for labels the page puts in a button or option. */
    static String raw(Object textObject) {
        return Json.string(Json.map(textObject), "text");
    }
}
