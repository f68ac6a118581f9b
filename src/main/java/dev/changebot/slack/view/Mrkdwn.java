package dev.changebot.slack.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Turns user text and our own values into Slack mrkdwn. User text is always escaped, so a title
 * like {@code <!channel>} shows as typed instead of pinging everyone.
 */
public final class Mrkdwn {

    /** Section text is capped by Slack at 3000 characters. */
    static final int MAX_SECTION_TEXT = SlackLimits.SECTION_TEXT;
    private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK_FALLBACK = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Mrkdwn() {
    }

    public static String escape(String userText) {
        if (userText == null) {
            return "";
        }
        return userText.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escaped and cut to fit a section block, with room for the label in front. */
    public static String escapeForSection(String userText, int reserved) {
        return escapeWithin(userText, MAX_SECTION_TEXT - reserved);
    }

    /** Escaped text of at most {@code maxLength} characters, cut as {@link Cut} cuts. */
    public static String escapeWithin(String userText, int maxLength) {
        return Cut.userText(userText, maxLength);
    }

    /** Plain text (no escaping needed) cut to {@code maxLength} without splitting a character. */
    public static String clip(String text, int maxLength) {
        return Cut.plain(text, maxLength);
    }

    public static String user(String userId) {
        // A pipeline acting with an API token ("api:deploy-web") or the command line ("cli:alice") is no
        // Slack user (their ids have no colon): named in code, not mentioned.
        if (userId.contains(":")) {
            return "`" + escape(userId) + "`";
        }
        return "<@" + userId + ">";
    }

    /** A time Slack shows in each reader's own time zone, with a UTC fallback. */
    public static String time(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK.format(instant) + ">";
    }

    /** The time of day alone ("15:00"), in each reader's time zone: the end of a span that began the same day. */
    public static String clock(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{time}|" + CLOCK_FALLBACK.format(instant) + ">";
    }

    public static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    /** Only a plain http(s) address goes into a link: nothing that could close the link's brackets. */
    public static boolean isWebLink(String url) {
        return url.matches("https?://[^\\s<>|]{1,400}");
    }
}
