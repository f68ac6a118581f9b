package dev.changebot.application;

import dev.changebot.domain.change.MessageRef;
import java.time.Duration;
import java.util.Optional;

/** Posts or updates messages on the chat platform, saying how it went. */
public interface SlackDelivery {

    /** Posts the message when {@code existing} is empty, updates it in place otherwise. */
    Result deliver(ChangeView view, Optional<MessageRef> existing);

    /** Posts a plain message to a channel or, given a user id, by direct message; under {@code threadTs} when given. */
    Result post(String channel, String text, Optional<String> threadTs);

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
