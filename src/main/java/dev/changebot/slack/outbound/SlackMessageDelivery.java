package dev.changebot.slack.outbound;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.model.block.LayoutBlock;
import dev.changebot.application.query.ChangeView;
import dev.changebot.application.port.SlackDelivery;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.notice.Notice;
import dev.changebot.slack.connection.ChatMethods;
import dev.changebot.slack.connection.SlackChat;
import dev.changebot.slack.view.ChangeMessage;
import dev.changebot.slack.view.NoticeMessage;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Posts and updates messages for the outbox worker, turning Slack's answers into what it needs to know. */
@Singleton
class SlackMessageDelivery implements SlackDelivery {

    /** Slack's errors that no retry will fix. */
    private static final java.util.Set<String> FINAL = java.util.Set.of("channel_not_found", "not_in_channel",
            "is_archived", "message_not_found", "cant_update_message", "invalid_auth", "account_inactive",
            "token_revoked", "no_permission", "invalid_blocks", "msg_too_long");

    private final Optional<ChatMethods> client;

    SlackMessageDelivery(SlackChat chat) {
        this.client = chat.methods();
    }

    @Override
    public Result deliver(ChangeView view, Optional<MessageRef> existing) {
        if (client.isEmpty()) {
            return new Result.Failed("Slack is not configured", true);
        }
        var change = view.change();
        try {
            if (existing.isEmpty()) {
                var response = client.get().postMessage(ChatPostMessageRequest.builder().channel(change.originChannelId())
                        .text(ChangeMessage.fallbackText(change)).blocks(ChangeMessage.channelBlocks(view))
                        .unfurlLinks(false).unfurlMedia(false).build());
                return response.isOk() ? new Result.Delivered(new MessageRef(response.getChannel(), response.getTs()))
                        : refused(response.getError());
            }
            var message = existing.get();
            var response = client.get().update(ChatUpdateRequest.builder().channel(message.channelId()).ts(message.messageTs())
                    .text(ChangeMessage.fallbackText(change)).blocks(ChangeMessage.channelBlocks(view)).build());
            return response.isOk() ? new Result.Delivered(message) : refused(response.getError());
        } catch (SlackApiException e) {
            return answered(e);
        } catch (IOException | RuntimeException e) {
            return new Result.Failed(e.toString(), true);
        }
    }

    @Override
    public Result postNotice(String channel, Notice notice, Optional<String> threadTs) {
        return post(channel, NoticeMessage.text(notice), NoticeMessage.blocks(notice), threadTs);
    }

    @Override
    public Result postText(String channel, String text, Optional<String> threadTs) {
        return post(channel, text, null, threadTs);
    }

    /** {@code blocks} null: the text alone, as notices were posted before they had blocks. */
    private Result post(String channel, String text, List<LayoutBlock> blocks, Optional<String> threadTs) {
        if (client.isEmpty()) {
            return new Result.Failed("Slack is not configured", true);
        }
        try {
            var response = client.get().postMessage(ChatPostMessageRequest.builder().channel(channel).text(text)
                    .blocks(blocks).threadTs(threadTs.orElse(null)).unfurlLinks(false).unfurlMedia(false).build());
            return response.isOk() ? new Result.Delivered(new MessageRef(response.getChannel(), response.getTs()))
                    : refused(response.getError());
        } catch (SlackApiException e) {
            return answered(e);
        } catch (IOException | RuntimeException e) {
            return new Result.Failed(e.toString(), true);
        }
    }

    /** A non-2xx answer: a 429 says when to come back; a 5xx may pass. */
    static Result answered(SlackApiException e) {
        if (e.getResponse().code() == 429) {
            var retryAfter = e.getResponse().header("Retry-After");
            return new Result.RateLimited(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter.strip())));
        }
        return new Result.Failed("HTTP " + e.getResponse().code(), e.getResponse().code() >= 500);
    }

    static Result refused(String error) {
        return new Result.Failed(error, !FINAL.contains(error));
    }
}
