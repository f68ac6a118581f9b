package dev.changebot.application.port;

import dev.changebot.application.request.Delivery;
import java.time.Instant;
import java.util.Optional;

/**
 * Which Slack deliveries were already acted on, and what they were answered. Runs inside the
 * caller's transaction, so the key is kept exactly when what the delivery did is kept.
 */
public interface DeliveryLedger {

    /**
     * Takes the delivery's key for this transaction, or returns the answer the earlier delivery was
     * given. While another transaction holds the key (the same request, still being handled on
     * another thread or instance) this waits for it to end.
     */
    Optional<String> claim(Delivery delivery, Instant receivedAt);

    /** What the delivery was answered, repeated to its redeliveries. */
    void answered(Delivery delivery, String answer);

    /** The delivery changed nothing (a form sent back with errors): the same request is judged afresh. */
    void release(Delivery delivery);

    /** Forgets deliveries received before {@code before}; how many. */
    int prune(Instant before);
}
