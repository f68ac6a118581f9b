package dev.changebot.slack.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Makes text fit Slack's limits: cuts it with an ellipsis between whole pieces, so a cut never
 * leaves half an escape entity ({@code &amp;lt;}), half a live mention, date or link ({@code <@U1>},
 * {@code <!date^…>}, {@code <https://…|label>}), half an escaped one typed by a person, half an
 * emoji shortcode ({@code :rocket:}) or half an emoji (a surrogate pair, a ZWJ family, a flag, a
 * skin tone); and fits lists by whole lines, counting the lines left out ("…and 3 more").
 */
public final class Cut {

    public static final String ELLIPSIS = "…";

    /** The pieces of mrkdwn that must stay whole, longest first; {@code \X} is one grapheme cluster. */
    private static final Pattern MRKDWN_PIECE = Pattern.compile(
            "&lt;(?:[@#!]|https?://|mailto:)[^<>\\n]{0,500}?&gt;"
                    + "|&(?:amp|lt|gt);"
                    + "|<[^<>\\n]{1,3000}>"
                    + "|:[A-Za-z0-9_+'\\-]{1,100}:(?::skin-tone-[2-6]:)?"
                    + "|\\X");
    /** Plain text has no live syntax, but emoji shortcodes are shown as emoji there too. */
    private static final Pattern PLAIN_PIECE = Pattern.compile(
            ":[A-Za-z0-9_+'\\-]{1,100}:(?::skin-tone-[2-6]:)?|\\X");

    private Cut() {
    }

    /** Rendered mrkdwn (user text already escaped) of at most {@code max} characters. */
    public static String mrkdwn(String mrkdwn, int max) {
        return cut(mrkdwn, max, MRKDWN_PIECE);
    }

    /** What a person typed, escaped for mrkdwn, in at most {@code max} characters. */
    public static String userText(String typed, int max) {
        return mrkdwn(Mrkdwn.escape(typed), max);
    }

    /** Text for a {@code plain_text} object of at most {@code max} characters. */
    public static String plain(String text, int max) {
        return cut(text == null ? "" : text, max, PLAIN_PIECE);
    }

    /**
     * Whole lines joined by newlines in at most {@code max} characters; when some do not fit, the
     * last line is {@code more} of how many were left out. A first line too long on its own is cut.
     */
    public static String lines(List<String> lines, int max, IntFunction<String> more) {
        var chunks = chunks(lines, max, 1, more);
        return chunks.isEmpty() ? "" : chunks.get(0);
    }

    /**
     * Whole lines in at most {@code maxChunks} texts of at most {@code maxChars} each (one section
     * block each); lines left out are counted by {@code more} at the end of the last text.
     */
    public static List<String> chunks(List<String> lines, int maxChars, int maxChunks, IntFunction<String> more) {
        var chunks = new ArrayList<String>();
        var current = new ArrayList<String>();
        int length = -1;
        for (int i = 0; i < lines.size(); i++) {
            var line = mrkdwn(lines.get(i), maxChars);
            if (!current.isEmpty() && length + 1 + line.length() > maxChars) {
                if (chunks.size() + 1 == maxChunks) {
                    chunks.add(closing(current, lines.size() - i, maxChars, more));
                    return chunks;
                }
                chunks.add(String.join("\n", current));
                current.clear();
                length = -1;
            }
            current.add(line);
            length += 1 + line.length();
        }
        if (!current.isEmpty()) {
            chunks.add(String.join("\n", current));
        }
        return chunks;
    }

    /** The last chunk, with room made for the "and N more" line by leaving out lines from its end. */
    private static String closing(List<String> kept, int leftOut, int maxChars, IntFunction<String> more) {
        int dropped = leftOut;
        while (!kept.isEmpty()) {
            var tail = more.apply(dropped);
            var text = String.join("\n", kept);
            if (text.length() + 1 + tail.length() <= maxChars) {
                return text + "\n" + tail;
            }
            kept.remove(kept.size() - 1);
            dropped++;
        }
        return mrkdwn(more.apply(dropped), maxChars);
    }

    private static String cut(String text, int max, Pattern pieces) {
        if (text.length() <= max) {
            return text;
        }
        int room = max - ELLIPSIS.length();
        int end = 0;
        var matcher = pieces.matcher(text);
        while (matcher.find() && matcher.end() <= room) {
            end = matcher.end();
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
