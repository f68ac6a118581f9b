package dev.changebot.sandbox.render;

import java.util.List;
import java.util.Map;

/**
 * The entry points: a message (its blocks, or its {@code text} as mrkdwn when it has none, as Slack
 * shows it), and a view (modal with title, submit and close; or the App Home).
 */
public final class Surfaces {

    private Surfaces() {
    }

    public static Map<String, Object> message(String text, Object rawBlocks, RenderContext context) {
        List<Object> blocks = Json.list(rawBlocks);
        if (blocks.isEmpty()) {
            Map<String, Object> section = Node.of("section")
                    .put("text", MrkdwnText.parse(text == null ? "" : text, context)).toMap();
            return Node.of("message").put("blocks", List.of(section)).toMap();
        }
        return Node.of("message").put("blocks", Blocks.render(blocks, context)).toMap();
    }

    public static Map<String, Object> view(Object rawView, RenderContext context) {
        Map<String, Object> view = Json.map(rawView);
        String type = Json.string(view, "type");
        return Node.of(type == null ? "modal" : type)
                .put("title", TextObjects.raw(view.get("title")))
                .put("submit", TextObjects.raw(view.get("submit")))
                .put("close", TextObjects.raw(view.get("close")))
                .put("callback_id", Json.string(view, "callback_id"))
                .put("blocks", Blocks.render(view.get("blocks"), context)).toMap();
    }
}
