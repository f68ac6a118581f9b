package dev.changebot.slack.http;

import com.google.gson.JsonParseException;

/**
 * Whether a failure is Gson giving up on the request's JSON (text where a number belongs, an
 * object where a string belongs) rather than a failure of ours: Bolt reads events and payloads lazily,
 * so such failures surface from inside Bolt, after the shape check.
 */
final class ParseFailures {

    private ParseFailures() {
    }

    static boolean isParseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException || thrownByGson(t)) {
                return true;
            }
        }
        return false;
    }

    /** Gson's getters (getAsString on an object...) throw plain IllegalStateException or UnsupportedOperationException. */
    private static boolean thrownByGson(Throwable t) {
        var frames = t.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith("com.google.gson.");
    }
}
