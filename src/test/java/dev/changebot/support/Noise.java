package dev.changebot.support;

import java.util.List;

/**
 * The nastiest text a person can enter, at a given length: every character mrkdwn gives meaning
 * to, mentions, broadcasts and links, emoji shortcodes and emoji of every shape (surrogate pairs,
 * a ZWJ family, a flag, a skin tone, a combining accent), so any cut lands next to one of them.
 */
public final class Noise {

    /** As typed into a form: Slack hands it over unchanged. */
    private static final List<String> TYPED = List.of("Deploy ", "&", "<", ">", " ", "&amp;", "<!here>", " ", "😀",
            "<!subteam^S0ONCALL|@oncall>", "👩‍👩‍👧‍👦", " <@U0BOB> ", "🇩🇪", "<https://evil.example|click>", "👍🏽",
            " :rocket: ", "é", " x&lt;y ");
    /** As a slash command's text arrives: Slack escapes &, < and > and sends mentions as live syntax. */
    private static final List<String> SLACK_SENDS = List.of("Deploy ", "&amp;", "&lt;", "&gt;", " ", "<!here>", " ",
            "😀", "<!subteam^S0ONCALL|@oncall>", "👩‍👩‍👧‍👦", " <@U0BOB|bob> ", "🇩🇪", "<https://evil.example|click>",
            "👍🏽", " :rocket: ", "é", " x&amp;lt;y ");

    private Noise() {
    }

    /** Exactly {@code length} UTF-16 characters of typed noise. */
    public static String chars(int length) {
        return fill(TYPED, length, false);
    }

    /** Exactly {@code count} code points (what a form's max_length lets through, at most) of typed noise. */
    public static String codePoints(int count) {
        return fill(TYPED, count, true);
    }

    /** A slash command's text of exactly {@code length} characters, escaped the way Slack sends it. */
    public static String asSlackSends(int length) {
        return fill(SLACK_SENDS, length, false);
    }

    private static String fill(List<String> pieces, int length, boolean codePoints) {
        var text = new StringBuilder();
        int used = 0;
        for (int i = 0; ; i++) {
            var piece = pieces.get(i % pieces.size());
            int size = codePoints ? piece.codePointCount(0, piece.length()) : piece.length();
            if (used + size > length) {
                break;
            }
            text.append(piece);
            used += size;
        }
        return text.append("x".repeat(length - used)).toString();
    }
}
