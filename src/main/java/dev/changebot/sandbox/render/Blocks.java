package dev.changebot.sandbox.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Layout blocks to render nodes: header, section (text, fields, accessory), context, divider,
 * actions, image and input (label, hint, optional, element). A block type the page cannot draw
 * becomes an {@code unsupported} node that names it, so it is visible rather than silently dropped.
 */
public final class Blocks {

    private Blocks() {
    }

    public static List<Map<String, Object>> render(Object rawBlocks, RenderContext context) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object raw : Json.list(rawBlocks)) {
            out.add(block(Json.map(raw), context));
        }
        return out;
    }

    static Map<String, Object> block(Map<String, Object> block, RenderContext context) {
        String type = Json.string(block, "type");
        String blockId = Json.string(block, "block_id");
        Node node = Node.of(type == null ? "unsupported" : type).put("block_id", blockId);
        switch (type == null ? "" : type) {
            case "header":
                return node.put("text", TextObjects.render(block.get("text"), context)).toMap();
            case "section":
                return section(node, block, blockId, context).toMap();
            case "context":
                return node.put("elements", contextElements(block.get("elements"), context)).toMap();
            case "divider":
                return node.toMap();
            case "actions":
                return node.put("elements", Elements.all(block.get("elements"), blockId, context)).toMap();
            case "image":
                return Elements.image(node, block);
            case "input":
                return node.put("label", TextObjects.render(block.get("label"), context))
                        .put("hint", TextObjects.renderOrNull(block.get("hint"), context))
                        .put("optional", Json.bool(block, "optional", false))
                        .put("dispatch_action", Json.bool(block, "dispatch_action", false))
                        .put("element", Elements.render(block.get("element"), blockId, context)).toMap();
            default:
                return Node.of("unsupported").put("block_id", blockId).put("block_type", type).toMap();
        }
    }

    private static Node section(Node node, Map<String, Object> block, String blockId, RenderContext context) {
        node.put("text", TextObjects.renderOrNull(block.get("text"), context));
        if (block.get("fields") != null) {
            List<Object> fields = new ArrayList<>();
            for (Object field : Json.list(block.get("fields"))) {
                fields.add(TextObjects.render(field, context));
            }
            node.put("fields", fields);
        }
        if (block.get("accessory") != null) {
            node.put("accessory", Elements.render(block.get("accessory"), blockId, context));
        }
        return node;
    }

    /** A context block holds text objects and images; text becomes a {@code text_object} node. */
    private static List<Map<String, Object>> contextElements(Object raw, RenderContext context) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object element : Json.list(raw)) {
            Map<String, Object> map = Json.map(element);
            if ("image".equals(Json.string(map, "type"))) {
                out.add(Elements.image(Node.of("image"), map));
            } else {
                out.add(Node.of("text_object").put("children", TextObjects.render(map, context)).toMap());
            }
        }
        return out;
    }
}
