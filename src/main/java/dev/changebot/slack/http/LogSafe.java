package dev.changebot.slack.http;

import java.util.regex.Pattern;

/**
 * Failures as they may be logged: messages of parsing exceptions quote the request, and a
 * request carries credentials (the response_url is a bearer URL, the legacy verification token,
 * tokens pasted by mistake). Those are cut out; stack frames are kept, they name only code.
 */
final class LogSafe {

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>|]+");
    private static final Pattern SLACK_TOKEN = Pattern.compile("xox[a-zA-Z]-[A-Za-z0-9-]+");
    private static final Pattern TOKEN_FIELD = Pattern.compile("(?i)(\"?token\"?\\s*[:=]\\s*\"?)[^\"&,}\\s]+");
    private static final int MAX_DEPTH = 8;

    private LogSafe() {
    }

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        var out = URL.matcher(text).replaceAll("<url>");
        out = SLACK_TOKEN.matcher(out).replaceAll("<token>");
        return TOKEN_FIELD.matcher(out).replaceAll("$1<token>");
    }

    /** One line naming each cause: "JsonSyntaxException: ... ← NumberFormatException: ...". */
    static String describe(Throwable failure) {
        var line = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (depth > 0) {
                line.append(" ← ");
            }
            line.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                line.append(": ").append(redact(t.getMessage()));
            }
        }
        return line.toString();
    }

    /** A copy of {@code failure} with the same stack frames and redacted messages, to log with its trace. */
    static Throwable copy(Throwable failure) {
        return copy(failure, 0);
    }

    private static Throwable copy(Throwable failure, int depth) {
        var copy = new Redacted(failure.getClass().getName()
                + (failure.getMessage() == null ? "" : ": " + redact(failure.getMessage())),
                failure.getCause() == null || failure.getCause() == failure || depth >= MAX_DEPTH ? null
                        : copy(failure.getCause(), depth + 1));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Stands for the original exception in the log; its message starts with the original's class. */
    private static final class Redacted extends RuntimeException {

        Redacted(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
