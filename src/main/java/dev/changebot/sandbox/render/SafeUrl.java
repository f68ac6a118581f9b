package dev.changebot.sandbox.render;

import java.util.Locale;

/** Only web and mail links become links in the page: a {@code javascript:} URL in a message stays text. */
final class SafeUrl {

    private SafeUrl() {
    }

    static String orNull(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")) {
            return url.trim();
        }
        return null;
    }
}
