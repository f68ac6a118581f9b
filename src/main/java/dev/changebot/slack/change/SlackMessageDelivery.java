package dev.changebot.slack.change;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import dev.changebot.application.ChangeView;
import dev.changebot.application.SlackDelivery;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.slack.connection.SlackWebApi;
import dev.changebot.slack.view.ChangeMessage;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts or updates a change's message, turning Slack's answers into what the outbox worker needs. */
@Singleton
class SlackMessageDelivery implements SlackDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SlackMessageDelivery.class);
    /** Slack's errors that no retry will fix. */
    private static final java.util.Set<String> FINAL = java.util.Set.of("channel_not_found", "not_in_channel",
            "is_archived", "message_not_found", "cant_update_message", "invalid_auth", "account_inactive",
            "token_revoked", "no_permission", "invalid_blocks", "msg_too_long");

    private final Optional<MethodsClient> client;

    SlackMessageDelivery(SlackWebApi webApi) {
        this.client = webApi.client();
    }

    @Override
    public Result deliver(ChangeView view, Optional<MessageRef> existing) {
        if (client.isEmpty()) {
            return new Result.Failed("Slack is not configured", true);
        }
        var change = view.change();
        try {
            if (existing.isEmpty()) {
                var response = client.get().chatPostMessage(r -> r.channel(change.originChannelId())
                        .text(ChangeMessage.fallbackText(change)).blocks(ChangeMessage.channelBlocks(view))
                        .unfurlLinks(false).unfurlMedia(false));
                return response.isOk() ? new Result.Delivered(new MessageRef(response.getChannel(), response.getTs()))
                        : refused(response.getError());
            }
            var message = existing.get();
            var response = client.get().chatUpdate(r -> r.channel(message.channelId()).ts(message.messageTs())
                    .text(ChangeMessage.fallbackText(change)).blocks(ChangeMessage.channelBlocks(view)));
            return response.isOk() ? new Result.Delivered(message) : refused(response.getError());
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                var retryAfter = e.getResponse().header("Retry-After");
                return new Result.RateLimited(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter.strip())));
            }
            return new Result.Failed("HTTP " + e.getResponse().code(), e.getResponse().code() >= 500);
        } catch (IOException | RuntimeException e) {
            return new Result.Failed(e.toString(), true);
        }
    }

    @Override
    public void tellRequester(ChangeView view, String problem) {
        var change = view.change();
        client.ifPresent(slack -> {
            try {
                slack.chatPostMessage(r -> r.channel(change.requesterId()).text(change.id()
                        + " is recorded, but I could not post it in <#" + change.originChannelId() + "> (" + problem
                        + "). Invite me there with `/invite @Changebot`, or see it with `/change show " + change.id() + "`."));
            } catch (Exception e) {
                LOG.warn("Could not tell {} that {} was not announced", change.requesterId(), change.id(), e);
            }
        });
    }

    private static Result refused(String error) {
        return new Result.Failed(error, !FINAL.contains(error));
    }
}
