package dev.changebot.slack.command;

import com.slack.api.methods.MethodsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a command finishing after Slack's ack (an evidence pack, a report) shares: a private word to
 * the person where they asked when it fails, with a reason short enough to read.
 */
final class AfterTheAck {

    private static final Logger LOG = LoggerFactory.getLogger(AfterTheAck.class);
    private static final int MAX_REASON = 200;

    private AfterTheAck() {
    }

    /** Tells {@code user} privately in {@code channelId}; a failure to tell is only logged. */
    static void tellPrivately(MethodsClient client, String channelId, String user, String text) {
        try {
            client.chatPostEphemeral(r -> r.channel(channelId).user(user).text(text));
        } catch (Exception e) {
            LOG.warn("Could not tell {} in {}: {}", user, channelId, text, e);
        }
    }

    /** The failure in a few words: its message, cut, or its kind. */
    static String reason(Exception e) {
        var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > MAX_REASON ? message.substring(0, MAX_REASON - 1) + "…" : message;
    }
}
