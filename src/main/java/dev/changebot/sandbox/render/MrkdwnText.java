package dev.changebot.sandbox.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Slack mrkdwn to a list of nodes, following "Formatting text for app surfaces": {@code *bold*},
 * {@code _italic_}, {@code ~strike~}, {@code `code`}, {@code ```preformatted```}, {@code >} quotes,
 * line breaks, {@code <...>} links, mentions and dates ({@link AngleTokens}), {@code :emoji:}. Only
 * {@code &amp;} {@code &lt;} {@code &gt;} are decoded; nothing else is interpreted, so text the bot
 * escaped shows exactly as the person typed it.
 */
public final class MrkdwnText {

    private static final String FENCE = "```";

    private MrkdwnText() {
    }

    public static List<Map<String, Object>> parse(String mrkdwn, RenderContext context) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (mrkdwn == null || mrkdwn.isEmpty()) {
            return out;
        }
        int from = 0;
        while (true) {
            int open = mrkdwn.indexOf(FENCE, from);
            int close = open < 0 ? -1 : mrkdwn.indexOf(FENCE, open + FENCE.length());
            if (close < 0) {
                lines(dropLeadingNewline(mrkdwn.substring(from), from > 0), context, out);
                return out;
            }
            lines(dropTrailingNewline(dropLeadingNewline(mrkdwn.substring(from, open), from > 0)), context, out);
            String body = mrkdwn.substring(open + FENCE.length(), close);
            out.add(Node.of("pre").put("text", Entities.decode(trimNewlines(body))).toMap());
            from = close + FENCE.length();
        }
    }

    /** Plain text as Slack shows a {@code plain_text} object: literal, with emoji names when allowed. */
    public static List<Map<String, Object>> plain(String text, boolean emoji) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        if (!emoji) {
            out.add(Node.text(text));
            return out;
        }
        InlineScanner.emojiOnly(text, out);
        return out;
    }

    private static void lines(String segment, RenderContext context, List<Map<String, Object>> out) {
        if (segment.isEmpty()) {
            return;
        }
        String[] lines = segment.split("\n", -1);
        boolean needBreak = false;
        List<Map<String, Object>> quote = null;
        for (String line : lines) {
            String quoted = quotedBody(line);
            if (quoted != null) {
                if (quote == null) {
                    quote = new ArrayList<>();
                    out.add(Node.of("quote").put("children", quote).toMap());
                } else {
                    quote.add(Node.of("br").toMap());
                }
                quote.addAll(InlineScanner.scan(quoted, context));
                needBreak = false;
                continue;
            }
            quote = null;
            if (needBreak) {
                out.add(Node.of("br").toMap());
            }
            out.addAll(InlineScanner.scan(line, context));
            needBreak = true;
        }
    }

    /** A line starting with {@code >} (as typed) or {@code &gt;} (as Slack stores it) is a quote. */
    private static String quotedBody(String line) {
        String rest;
        if (line.startsWith(">")) {
            rest = line.substring(1);
        } else if (line.startsWith("&gt;")) {
            rest = line.substring(4);
        } else {
            return null;
        }
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }

    private static String dropLeadingNewline(String text, boolean afterFence) {
        return afterFence && text.startsWith("\n") ? text.substring(1) : text;
    }

    private static String dropTrailingNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static String trimNewlines(String text) {
        String trimmed = text.startsWith("\n") ? text.substring(1) : text;
        return dropTrailingNewline(trimmed);
    }
}
