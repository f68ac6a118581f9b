package dev.changebot.sandbox.render;

/**
 * Slack's three escapes. Only these are decoded: {@code &quot;} or {@code &#60;} stay as written,
 * because Slack does not interpret them either.
 */
final class Entities {

    private Entities() {
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int length = entityLength(text, i);
            if (length > 0) {
                out.append(entityChar(text, i));
                i += length;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The length of the escape at {@code i}, or 0 when there is none. */
    static int entityLength(String text, int i) {
        if (text.startsWith("&amp;", i)) {
            return 5;
        }
        if (text.startsWith("&lt;", i) || text.startsWith("&gt;", i)) {
            return 4;
        }
        return 0;
    }

    static char entityChar(String text, int i) {
        if (text.startsWith("&amp;", i)) {
            return '&';
        }
        return text.startsWith("&lt;", i) ? '<' : '>';
    }
}
