package dev.changebot.application;

import dev.changebot.domain.change.MessageRef;
import java.time.Duration;
import java.util.Optional;

/** Posts or updates one change's message on the chat platform, saying how it went. */
public interface SlackDelivery {

    /** Posts the message when {@code existing} is empty, updates it in place otherwise. */
    Result deliver(ChangeView view, Optional<MessageRef> existing);

    /** Tells the requester privately that their change could not be announced, and why. */
    void tellRequester(ChangeView view, String problem);

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
