package dev.changebot.sandbox.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Slack's size and shape limits on Block Kit (blocks per surface, characters per text, options per
 * element...), as its documentation gives them: each problem is added as one
 * "[ERROR] … [json-pointer:…]" line, as Slack words it. Used by the sandbox's stand-in and by the
 * test suite's fake Slack (one statement of the limits, tested on its own in FakeSlackLimitsTest),
 * neither of which takes a limit from the bot's own code, so a wrong constant there is caught here.
 */
public final class BlockKitSizes {

    private BlockKitSizes() {
    }

    public static void message(JsonArray blocks, List<String> problems) {
        max(problems, blocks.size(), 50, "/blocks", "items");
        blocks(blocks, "/blocks", problems);
    }

    public static void view(JsonObject view, String at, List<String> problems) {
        var blocks = view.has("blocks") ? view.getAsJsonArray("blocks") : new JsonArray();
        max(problems, blocks.size(), 100, at + "/blocks", "items");
        blocks(blocks, at + "/blocks", problems);
        text(view, "title", 24, at, problems);
        text(view, "submit", 24, at, problems);
        text(view, "close", 24, at, problems);
        string(view, "private_metadata", 3000, at, problems);
        string(view, "callback_id", 255, at, problems);
        string(view, "external_id", 255, at, problems);
    }

    private static void blocks(JsonArray blocks, String at, List<String> problems) {
        for (int i = 0; i < blocks.size(); i++) {
            var block = blocks.get(i).getAsJsonObject();
            var here = at + "/" + i;
            string(block, "block_id", 255, here, problems);
            switch (block.get("type").getAsString()) {
                case "section" -> {
                    if (!block.has("text") && !block.has("fields")) {
                        problems.add("[ERROR] must provide text or fields [json-pointer:" + here + "]");
                    }
                    text(block, "text", 3000, here, problems);
                    if (block.has("fields")) {
                        var fields = block.getAsJsonArray("fields");
                        max(problems, fields.size(), 10, here + "/fields", "items");
                        for (int f = 0; f < fields.size(); f++) {
                            textObject(fields.get(f).getAsJsonObject(), 2000, here + "/fields/" + f, problems);
                        }
                    }
                    if (block.has("accessory")) {
                        element(block.getAsJsonObject("accessory"), here + "/accessory", problems);
                    }
                }
                case "header" -> text(block, "text", 150, here, problems);
                case "context" -> {
                    var elements = block.getAsJsonArray("elements");
                    max(problems, elements.size(), 10, here + "/elements", "items");
                    for (int e = 0; e < elements.size(); e++) {
                        var element = elements.get(e).getAsJsonObject();
                        if (element.has("text")) {
                            textObject(element, 3000, here + "/elements/" + e, problems);
                        }
                    }
                }
                case "actions" -> {
                    var elements = block.getAsJsonArray("elements");
                    max(problems, elements.size(), 25, here + "/elements", "items");
                    for (int e = 0; e < elements.size(); e++) {
                        element(elements.get(e).getAsJsonObject(), here + "/elements/" + e, problems);
                    }
                }
                case "input" -> {
                    text(block, "label", 2000, here, problems);
                    text(block, "hint", 2000, here, problems);
                    element(block.getAsJsonObject("element"), here + "/element", problems);
                }
                default -> {
                    // divider, image...: nothing we send has limits there
                }
            }
        }
    }

    private static void element(JsonObject element, String at, List<String> problems) {
        string(element, "action_id", 255, at, problems);
        text(element, "placeholder", 150, at, problems);
        switch (element.get("type").getAsString()) {
            case "button" -> {
                text(element, "text", 75, at, problems);
                string(element, "value", 2000, at, problems);
                string(element, "url", 3000, at, problems);
            }
            case "static_select", "multi_static_select", "radio_buttons", "checkboxes" -> {
                var options = element.has("options") ? element.getAsJsonArray("options") : new JsonArray();
                max(problems, options.size(), 100, at + "/options", "items");
                for (int o = 0; o < options.size(); o++) {
                    var option = options.get(o).getAsJsonObject();
                    text(option, "text", 75, at + "/options/" + o, problems);
                    string(option, "value", 150, at + "/options/" + o, problems);
                    text(option, "description", 75, at + "/options/" + o, problems);
                }
            }
            case "plain_text_input" -> {
                int maxLength = element.has("max_length") ? element.get("max_length").getAsInt() : 3000;
                max(problems, maxLength, 3000, at + "/max_length", "");
                if (element.has("min_length")) {
                    max(problems, element.get("min_length").getAsInt(), 3000, at + "/min_length", "");
                }
                string(element, "initial_value", maxLength, at, problems);
            }
            default -> {
                // date pickers, number inputs: no length limits we could exceed
            }
        }
        if (element.has("confirm")) {
            var confirm = element.getAsJsonObject("confirm");
            var here = at + "/confirm";
            text(confirm, "title", 100, here, problems);
            text(confirm, "text", 300, here, problems);
            text(confirm, "confirm", 30, here, problems);
            text(confirm, "deny", 30, here, problems);
        }
    }

    private static void text(JsonObject parent, String name, int max, String at, List<String> problems) {
        if (parent.has(name) && parent.get(name).isJsonObject()) {
            textObject(parent.getAsJsonObject(name), max, at + "/" + name, problems);
        }
    }

    private static void textObject(JsonObject text, int max, String at, List<String> problems) {
        var value = text.has("text") ? text.get("text").getAsString() : "";
        if (value.isEmpty()) {
            problems.add("[ERROR] must be more than 0 characters [json-pointer:" + at + "/text]");
        }
        max(problems, value.length(), max, at + "/text", "characters");
    }

    private static void string(JsonObject parent, String name, int max, String at, List<String> problems) {
        if (parent.has(name) && parent.get(name).isJsonPrimitive()) {
            max(problems, parent.get(name).getAsString().length(), max, at + "/" + name, "characters");
        }
    }

    private static void max(List<String> problems, int value, int max, String at, String unit) {
        if (value > max) {
            problems.add("[ERROR] must be less than " + (max + 1) + (unit.isEmpty() ? "" : " " + unit)
                    + " [json-pointer:" + at + "]");
        }
    }
}
