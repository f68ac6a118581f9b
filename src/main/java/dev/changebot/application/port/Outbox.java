package dev.changebot.application.port;

import java.time.Instant;
import java.util.Map;

/**
 * The queue of pending change messages. {@link #delivered} leaves an entry pending, due at once,
 * when a newer announcement arrived meanwhile, so the newest state is what ends up in Slack.
 */
public interface Outbox extends DeliveryQueue<OutboxEntry> {

    /**
     * Not an attempt: each entry waits for the update slot reserved for it ({@link UpdatePacing}) and
     * is not claimed before, however often it is announced again meanwhile. One write for them all.
     */
    void waitForSlots(Map<OutboxEntry, Instant> slots);
}
