package dev.changebot.sandbox.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of mrkdwn to inline nodes. Emphasis follows Slack's rule that a marker opens only after
 * a non-word character and before a non-space, and closes only after a non-space and before a
 * non-word character, so {@code snake_case_name} and {@code 2*3*4} stay as typed.
 */
final class InlineScanner {

    private static final Pattern EMOJI = Pattern.compile(":([a-z0-9_+'-]+):");

    private final String line;
    private final RenderContext context;
    private final List<Map<String, Object>> out = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private InlineScanner(String line, RenderContext context) {
        this.line = line;
        this.context = context;
    }

    static List<Map<String, Object>> scan(String line, RenderContext context) {
        return new InlineScanner(line, context).run();
    }

    /** For plain_text objects: only known {@code :emoji:} names are turned into emoji. */
    static void emojiOnly(String plain, List<Map<String, Object>> out) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < plain.length()) {
            int end = knownEmojiEnd(plain, i);
            if (end > 0) {
                flush(text, out);
                out.add(emoji(plain.substring(i + 1, end - 1)));
                i = end;
            } else {
                text.append(plain.charAt(i++));
            }
        }
        flush(text, out);
    }

    private List<Map<String, Object>> run() {
        int i = 0;
        while (i < line.length()) {
            int next = token(i);
            if (next > i) {
                i = next;
            } else {
                int entity = Entities.entityLength(line, i);
                if (entity > 0) {
                    text.append(Entities.entityChar(line, i));
                    i += entity;
                } else {
                    text.append(line.charAt(i++));
                }
            }
        }
        flush(text, out);
        return out;
    }

    /** Emits the token starting at {@code i} and returns where it ends, or {@code i} when there is none. */
    private int token(int i) {
        char c = line.charAt(i);
        if (c == '<') {
            int end = line.indexOf('>', i + 1);
            if (end > i + 1) {
                emit(AngleTokens.node(line.substring(i + 1, end), context));
                return end + 1;
            }
        } else if (c == '`') {
            int end = line.indexOf('`', i + 1);
            if (end > i + 1) {
                emit(Node.of("code").put("text", Entities.decode(line.substring(i + 1, end))).toMap());
                return end + 1;
            }
        } else if (c == '*' || c == '_' || c == '~') {
            int end = opens(i) ? closer(i, c) : -1;
            if (end > 0) {
                emit(Node.styled(style(c), scan(line.substring(i + 1, end), context)));
                return end + 1;
            }
        } else if (c == ':') {
            int end = knownEmojiEnd(line, i);
            if (end > 0) {
                emit(emoji(line.substring(i + 1, end - 1)));
                return end;
            }
        }
        return i;
    }

    private boolean opens(int i) {
        boolean afterBoundary = i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1));
        return afterBoundary && i + 1 < line.length() && !Character.isWhitespace(line.charAt(i + 1))
                && line.charAt(i + 1) != line.charAt(i);
    }

    /** The closing marker, skipping over {@code <...>} tokens so a link's underscores are left alone. */
    private int closer(int open, char marker) {
        int j = open + 2;
        while (j < line.length()) {
            char c = line.charAt(j);
            if (c == '<') {
                int end = line.indexOf('>', j + 1);
                j = end < 0 ? j + 1 : end + 1;
                continue;
            }
            if (c == marker && !Character.isWhitespace(line.charAt(j - 1))
                    && (j + 1 == line.length() || !Character.isLetterOrDigit(line.charAt(j + 1)))) {
                return j;
            }
            j++;
        }
        return -1;
    }

    private static String style(char marker) {
        if (marker == '*') {
            return "bold";
        }
        return marker == '_' ? "italic" : "strike";
    }

    private static int knownEmojiEnd(String text, int i) {
        Matcher matcher = EMOJI.matcher(text).region(i, text.length());
        if (matcher.lookingAt() && EmojiNames.unicode(matcher.group(1)).isPresent()) {
            return matcher.end();
        }
        return -1;
    }

    static Map<String, Object> emoji(String name) {
        return Node.of("emoji").put("name", name).put("text", EmojiNames.unicode(name).orElse(":" + name + ":"))
                .toMap();
    }

    private void emit(Map<String, Object> node) {
        flush(text, out);
        out.add(node);
    }

    private static void flush(StringBuilder text, List<Map<String, Object>> out) {
        if (text.length() > 0) {
            out.add(Node.text(text.toString()));
            text.setLength(0);
        }
    }
}
