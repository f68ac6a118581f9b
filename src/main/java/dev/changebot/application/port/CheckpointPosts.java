package dev.changebot.application.port;

import java.time.Instant;

/** Checkpoints waiting to be posted to the audit channel; what each post came to is recorded for good. */
public interface CheckpointPosts extends DeliveryQueue<CheckpointPosts.Pending> {

    /** {@code note}: the signed note exactly as recorded. */
    record Pending(long id, long checkpointId, String chainId, long size, String note, int attempts) {
    }

    /** Posted: where, and the link to the message (null when Slack gave none). Settles the item. */
    void witnessed(Pending pending, String channelId, String messageTs, String permalink, Instant at);

    /** Not posted, and why; {@code channel} null when none is configured. Settles the item for good. */
    void notWitnessed(Pending pending, String channel, String problem, Instant at);
}
