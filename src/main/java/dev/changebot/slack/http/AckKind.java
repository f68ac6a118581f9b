package dev.changebot.slack.http;

import java.util.Locale;

/**
 * What a request to /slack/events was, as the ack timers label it: a short, fixed list, so the label
 * never grows with what senders write. Anything refused before Bolt saw it (no signature, a shape
 * Changebot cannot read, Slack not configured) is "refused".
 */
enum AckKind {
    SLASH_COMMAND, BLOCK_ACTIONS, VIEW_SUBMISSION, EVENT_REACTION_ADDED, EVENT_REACTION_REMOVED, EVENT_APP_HOME_OPENED,
    EVENT_OTHER, URL_VERIFICATION, SSL_CHECK, REFUSED;

    private final String label = name().toLowerCase(Locale.ROOT);

    String label() {
        return label;
    }

    /** Read from what the shape check already parsed: nothing is parsed again for the label. */
    static AckKind of(SlackRequestShape.Verdict verdict) {
        if (verdict.problem().isPresent()) {
            return REFUSED;
        }
        return switch (verdict.kind()) {
            case SLASH_COMMAND -> SLASH_COMMAND;
            case INTERACTION -> interaction(verdict.json());
            case EVENT -> event(verdict.json());
            // The one form that is neither a command nor an interaction and still readable.
            case OTHER -> SSL_CHECK;
        };
    }

    private static AckKind interaction(SlackRequestShape.ParsedJson json) {
        // The shape check let only these two through, each with a string type.
        return json != null && "view_submission".equals(json.object().get("type").getAsString()) ? VIEW_SUBMISSION
                : BLOCK_ACTIONS;
    }

    /** A readable event without parsed JSON is the URL check (it carries no event to hand on). */
    private static AckKind event(SlackRequestShape.ParsedJson json) {
        if (json == null) {
            return URL_VERIFICATION;
        }
        // The shape check let an event callback through only with a string event.type.
        return switch (json.object().getAsJsonObject("event").get("type").getAsString()) {
            case "reaction_added" -> EVENT_REACTION_ADDED;
            case "reaction_removed" -> EVENT_REACTION_REMOVED;
            case "app_home_opened" -> EVENT_APP_HOME_OPENED;
            default -> EVENT_OTHER;
        };
    }
}
