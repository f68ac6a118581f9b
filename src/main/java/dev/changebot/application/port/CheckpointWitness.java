package dev.changebot.application.port;

import dev.changebot.domain.change.MessageRef;
import java.util.Optional;

/**
 * Posts a signed checkpoint where people outside the database see it: Slack keeps its own copy,
 * which whoever administers the database cannot rewrite.
 */
public interface CheckpointWitness {

    /** {@code channel}: a channel id or {@code #name}. */
    SlackDelivery.Result post(String channel, String chainId, long size, String note);

    /** A link to the posted message, when the platform gives one. */
    Optional<String> permalink(MessageRef message);
}
