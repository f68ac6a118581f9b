package dev.changebot.application.port;

/**
 * Remembers the latest state of each reaction (on a message, by a person), so a delivery counts
 * only when it is newer than what is known and changes it: duplicates and stale, out-of-order
 * deliveries do nothing. Runs inside the caller's transaction.
 */
public interface ReactionLedger {

    /** True when this event is news: newer than the last one for the key, and a change of state. */
    boolean record(Reaction reaction, boolean present, String eventTs);

    /** A reaction on a message by a person: the key deliveries are deduplicated on. */
    record Reaction(String channelId, String messageTs, String name, String userId) {
    }
}
