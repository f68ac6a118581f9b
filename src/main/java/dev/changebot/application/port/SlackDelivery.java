package dev.changebot.application.port;

import dev.changebot.application.query.ChangeView;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.notice.Notice;
import java.time.Duration;
import java.util.Optional;

/** Posts or updates messages on the chat platform, saying how it went. */
public interface SlackDelivery {

    /** Posts the message when {@code existing} is empty, updates it in place otherwise. */
    Result deliver(ChangeView view, Optional<MessageRef> existing);

    /**
     * Posts a notice, written for the platform from its facts, to a channel or, given a user id, by
     * direct message; under {@code threadTs} when given.
     */
    Result postNotice(String channel, Notice notice, Optional<String> threadTs);

    /** As {@link #postNotice}, for a notice queued before notices were stored as facts: its text as written then. */
    Result postText(String channel, String text, Optional<String> threadTs);

    sealed interface Result {

        record Delivered(MessageRef message) implements Result {
        }

        /** Rate limited: try again after the platform's Retry-After. */
        record RateLimited(Duration retryAfter) implements Result {
        }

        /** Failed; {@code retryable} when a later attempt may succeed (5xx, network). */
        record Failed(String error, boolean retryable) implements Result {
        }
    }
}
