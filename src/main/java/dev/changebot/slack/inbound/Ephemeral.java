package dev.changebot.slack.inbound;

import com.slack.api.methods.MethodsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells one person something only they see, in the channel where they acted. */
final class Ephemeral {

    private static final Logger LOG = LoggerFactory.getLogger(Ephemeral.class);

    private Ephemeral() {
    }

    static void tell(MethodsClient client, String channelId, String userId, String text) {
        try {
            // Outside a channel (App Home, DMs with the app) the app's DM with the person is the private place.
            var response = channelId.equals(userId)
                    ? client.chatPostMessage(r -> r.channel(userId).text(text))
                    : client.chatPostEphemeral(r -> r.channel(channelId).user(userId).text(text));
            if (!response.isOk()) {
                LOG.warn("Could not tell {} something privately: {}", userId, response.getError());
            }
        } catch (Exception e) {
            LOG.warn("Could not tell {} something privately", userId, e);
        }
    }
}
