package dev.changebot.sandbox.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import dev.changebot.sandbox.workspace.SlackRefusal;

/**
 * Slack's documented Block Kit limits, checked the way Slack checks them: a message or view that
 * breaks one is refused whole, with one "[ERROR] … [json-pointer:…]" line per problem.
 * The limits are {@link BlockKitSizes}; this class turns their problems into the refusal each
 * Web API method gives, with Slack's own pointers ({@code /view/...} for views).
 */
final class BlockKitRules {

    static final int MESSAGE_TEXT = 40_000;
    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;

    private BlockKitRules() {
    }

    /** Refuses a message's text and blocks as chat.postMessage / chat.update / chat.postEphemeral would. */
    static void checkMessage(String text, JsonArray blocks) {
        if (text != null && text.length() > MESSAGE_TEXT) {
            throw new SlackRefusal("msg_too_long", List.of("[ERROR] text is longer than " + MESSAGE_TEXT + " characters"));
        }
        if ((text == null || text.isBlank()) && (blocks == null || blocks.isEmpty())) {
            throw new SlackRefusal("no_text");
        }
        if (blocks != null) {
            var problems = new ArrayList<String>();
            try {
                BlockKitSizes.message(blocks, problems);
            } catch (RuntimeException malformed) {
                problems.add("[ERROR] " + malformed.getMessage() + " [json-pointer:/blocks]");
            }
            if (!problems.isEmpty()) {
                throw new SlackRefusal("invalid_blocks", problems);
            }
        }
    }

    /** Refuses a view as views.open / update / push / publish would. */
    static void checkView(JsonObject view) {
        var problems = new ArrayList<String>();
        try {
            if (!view.has("type") || !List.of("modal", "home").contains(view.get("type").getAsString())) {
                problems.add("[ERROR] must be one of modal, home [json-pointer:/view/type]");
            }
            if ("modal".equals(view.has("type") ? view.get("type").getAsString() : "") && !view.has("title")) {
                problems.add("[ERROR] missing required field: title [json-pointer:/view]");
            }
            BlockKitSizes.view(view, "/view", problems);
        } catch (RuntimeException malformed) {
            problems.add("[ERROR] " + malformed.getMessage() + " [json-pointer:/view]");
        }
        if (!problems.isEmpty()) {
            throw new SlackRefusal("invalid_arguments", problems);
        }
    }
}
