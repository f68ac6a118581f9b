package dev.changebot.slack.change;

import com.slack.api.methods.MethodsClient;
import dev.changebot.application.ChangeAnnouncer;
import dev.changebot.application.ChangeViews;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.slack.connection.SlackWebApi;
import dev.changebot.slack.view.ChangeMessage;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Slack message per change, posted where it was requested and updated in place after. */
@Singleton
class SlackChangeAnnouncer implements ChangeAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(SlackChangeAnnouncer.class);

    private final Optional<MethodsClient> client;
    private final ChangeViews views;

    SlackChangeAnnouncer(SlackWebApi webApi, ChangeViews views) {
        this.client = webApi.client();
        this.views = views;
    }

    @Override
    public Optional<MessageRef> announce(Change change) {
        return client.flatMap(slack -> {
            try {
                var response = slack.chatPostMessage(r -> r.channel(change.originChannelId())
                        .text(ChangeMessage.fallbackText(change))
                        .blocks(ChangeMessage.channelBlocks(views.of(change)))
                        .unfurlLinks(false).unfurlMedia(false));
                if (response.isOk()) {
                    return Optional.of(new MessageRef(response.getChannel(), response.getTs()));
                }
                LOG.warn("Slack refused to post {}: {}", change.id(), response.getError());
            } catch (Exception e) {
                LOG.warn("Could not post {} to Slack", change.id(), e);
            }
            return Optional.empty();
        });
    }

    @Override
    public void refresh(Change change) {
        if (client.isEmpty() || change.message().isEmpty()) {
            return;
        }
        var message = change.message().get();
        try {
            var response = client.get().chatUpdate(r -> r.channel(message.channelId()).ts(message.messageTs())
                    .text(ChangeMessage.fallbackText(change))
                    .blocks(ChangeMessage.channelBlocks(views.of(change))));
            if (!response.isOk()) {
                LOG.warn("Slack refused to update the message of {}: {}", change.id(), response.getError());
            }
        } catch (Exception e) {
            LOG.warn("Could not update the message of {}", change.id(), e);
        }
    }
}
