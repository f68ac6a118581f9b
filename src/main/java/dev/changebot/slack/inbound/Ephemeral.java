package dev.changebot.slack.inbound;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells one person something only they see, in the channel where they acted. */
final class Ephemeral {

    private static final Logger LOG = LoggerFactory.getLogger(Ephemeral.class);

    private Ephemeral() {
    }

    static void tell(MethodsClient client, String channelId, String userId, String text) {
        tell(client, channelId, userId, text, null);
    }

    /** With blocks, {@code text} is what notifications and screen readers show. */
    static void tell(MethodsClient client, String channelId, String userId, String text, List<LayoutBlock> blocks) {
        try {
            // Outside a channel (App Home, DMs with the app) the app's DM with the person is the private place.
            var response = channelId.equals(userId)
                    ? client.chatPostMessage(r -> r.channel(userId).text(text).blocks(blocks))
                    : client.chatPostEphemeral(r -> r.channel(channelId).user(userId).text(text).blocks(blocks));
            if (!response.isOk()) {
                LOG.warn("Could not tell {} something privately: {}", userId, response.getError());
            }
        } catch (Exception e) {
            LOG.warn("Could not tell {} something privately", userId, e);
        }
    }
}
