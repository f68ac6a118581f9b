package dev.changebot.slack.metrics;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import java.util.Locale;

/**
 * What a Slack request was, as the ack timers label it: a short, fixed list, so the label never grows
 * with what senders write. Anything refused before Bolt saw it (no signature, a shape Changebot cannot
 * read, Slack not configured) is "refused".
 */
public enum AckKind {
    SLASH_COMMAND, BLOCK_ACTIONS, VIEW_SUBMISSION, EVENT_REACTION_ADDED, EVENT_REACTION_REMOVED, EVENT_APP_HOME_OPENED,
    EVENT_OTHER, URL_VERIFICATION, SSL_CHECK, REFUSED;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }

    /** An event by its type; the ones Changebot listens to have a kind of their own. */
    public static AckKind ofEvent(String eventType) {
        if (eventType == null) {
            return EVENT_OTHER;
        }
        return switch (eventType) {
            case "reaction_added" -> EVENT_REACTION_ADDED;
            case "reaction_removed" -> EVENT_REACTION_REMOVED;
            case "app_home_opened" -> EVENT_APP_HOME_OPENED;
            default -> EVENT_OTHER;
        };
    }

    /** A request as Bolt parsed it (Socket Mode's): kinds Changebot has no listener for count as events' "other". */
    public static AckKind of(Request<?> request) {
        if (request instanceof EventRequest event) {
            return ofEvent(event.getEventType());
        }
        return switch (request.getRequestType()) {
            case Command -> SLASH_COMMAND;
            case BlockAction -> BLOCK_ACTIONS;
            case ViewSubmission -> VIEW_SUBMISSION;
            case UrlVerification -> URL_VERIFICATION;
            case SSLCheck -> SSL_CHECK;
            default -> EVENT_OTHER;
        };
    }
}
