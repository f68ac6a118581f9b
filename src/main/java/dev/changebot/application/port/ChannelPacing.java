package dev.changebot.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * About one post a second per channel, Slack's limit for chat.postMessage, across every node and
 * every kind of post. Updates in place are not posts and are not paced.
 */
public interface ChannelPacing {

    Duration PER_CHANNEL = Duration.ofSeconds(1);

    /**
     * Takes the channel's slot for a post at {@code now}: empty when taken (post now), else the
     * moment the next slot opens. Runs in the caller's transaction; keep it short.
     */
    Optional<Instant> reserve(String channel, Instant now);
}
