package dev.changebot.slack.http;

import dev.changebot.slack.metrics.AckKind;

/** The {@link AckKind} of a request to /slack/events, read from what the shape check already parsed: nothing is parsed again for the label. */
final class AckKinds {

    private AckKinds() {
    }

    static AckKind of(SlackRequestShape.Verdict verdict) {
        if (verdict.problem().isPresent()) {
            return AckKind.REFUSED;
        }
        return switch (verdict.kind()) {
            case SLASH_COMMAND -> AckKind.SLASH_COMMAND;
            case INTERACTION -> interaction(verdict.json());
            case EVENT -> event(verdict.json());
            // The one form that is neither a command nor an interaction and still readable.
            case OTHER -> AckKind.SSL_CHECK;
        };
    }

    private static AckKind interaction(SlackRequestShape.ParsedJson json) {
        // The shape check let only these two through, each with a string type.
        return json != null && "view_submission".equals(json.object().get("type").getAsString()) ? AckKind.VIEW_SUBMISSION
                : AckKind.BLOCK_ACTIONS;
    }

    /** A readable event without parsed JSON is the URL check (it carries no event to hand on). */
    private static AckKind event(SlackRequestShape.ParsedJson json) {
        if (json == null) {
            return AckKind.URL_VERIFICATION;
        }
        // The shape check let an event callback through only with a string event.type.
        return AckKind.ofEvent(json.object().getAsJsonObject("event").get("type").getAsString());
    }
}
