package dev.changebot.sandbox.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Finds an interactive element in blocks by action id (and block id, when the page names one).
 * A block the bot sent without a block_id gets the id Slack would show for it; here a stable one
 * from its position, so the page and the payload agree.
 */
final class Elements {

    private Elements() {
    }

    static Found find(JsonArray blocks, String blockId, String actionId) {
        if (blocks == null) {
            return null;
        }
        for (int i = 0; i < blocks.size(); i++) {
            var block = blocks.get(i).getAsJsonObject();
            var id = block.has("block_id") ? block.get("block_id").getAsString() : "b" + i;
            if (blockId != null && !blockId.isBlank() && !blockId.equals(id)) {
                continue;
            }
            for (var element : candidates(block)) {
                if (element.has("action_id") && element.get("action_id").getAsString().equals(actionId)) {
                    return new Found(id, element);
                }
            }
        }
        return null;
    }

    private static java.util.List<JsonObject> candidates(JsonObject block) {
        var list = new java.util.ArrayList<JsonObject>();
        if (block.has("elements") && block.get("elements").isJsonArray()) {
            block.getAsJsonArray("elements").forEach(e -> {
                if (e.isJsonObject()) {
                    list.add(e.getAsJsonObject());
                }
            });
        }
        for (var single : new String[]{"accessory", "element"}) {
            if (block.has(single) && block.get(single).isJsonObject()) {
                list.add(block.getAsJsonObject(single));
            }
        }
        return list;
    }

    record Found(String blockId, JsonObject element) {
    }
}
