package dev.changebot.slack.outbound;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatGetPermalinkRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import dev.changebot.application.port.CheckpointWitness;
import dev.changebot.application.port.SlackDelivery.Result;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.slack.connection.ChatMethods;
import dev.changebot.slack.connection.SlackChat;
import dev.changebot.slack.connection.SlackWebApi;
import dev.changebot.slack.view.CheckpointMessage;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts signed checkpoints to the audit channel with chat.postMessage and asks Slack for the message's link. */
@Singleton
class SlackCheckpointWitness implements CheckpointWitness {

    private static final Logger LOG = LoggerFactory.getLogger(SlackCheckpointWitness.class);

    private final Optional<ChatMethods> chat;
    private final SlackWebApi webApi;

    SlackCheckpointWitness(SlackChat chat, SlackWebApi webApi) {
        this.chat = chat.methods();
        this.webApi = webApi;
    }

    @Override
    public Result post(String channel, String chainId, long size, String note) {
        if (chat.isEmpty()) {
            // Not a passing outage: without a bot token nothing will ever be posted.
            return new Result.Failed("Slack is not configured (SLACK_BOT_TOKEN)", false);
        }
        try {
            var response = chat.get().postMessage(ChatPostMessageRequest.builder().channel(channel)
                    .text(CheckpointMessage.text(chainId, size, note)).mrkdwn(true).unfurlLinks(false).unfurlMedia(false)
                    .build());
            return response.isOk() ? new Result.Delivered(new MessageRef(response.getChannel(), response.getTs()))
                    : SlackMessageDelivery.refused(response.getError());
        } catch (SlackApiException e) {
            return SlackMessageDelivery.answered(e);
        } catch (IOException | RuntimeException e) {
            return new Result.Failed(e.toString(), true);
        }
    }

    @Override
    public Optional<String> permalink(MessageRef message) {
        var client = webApi.client();
        if (client.isEmpty()) {
            return Optional.empty();
        }
        try {
            var response = client.get().chatGetPermalink(ChatGetPermalinkRequest.builder().channel(message.channelId())
                    .messageTs(message.messageTs()).build());
            return response.isOk() ? Optional.ofNullable(response.getPermalink()) : Optional.empty();
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.info("No link to checkpoint message {} in {}: {}", message.messageTs(), message.channelId(), e.toString());
            return Optional.empty();
        }
    }
}
