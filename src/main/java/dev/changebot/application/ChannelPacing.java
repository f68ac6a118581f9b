package dev.changebot.application;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * About one post a second per channel, Slack's limit for chat.postMessage, shared by every kind of
 * post this node makes. Updates in place are not posts and are not paced.
 */
@Singleton
public class ChannelPacing {

    static final Duration PER_CHANNEL = Duration.ofSeconds(1);

    private final Map<String, Instant> lastPost = new ConcurrentHashMap<>();

    /** When the next post to {@code channel} may go, if not now. */
    public Optional<Instant> wait(String channel, Instant now) {
        var last = lastPost.get(channel);
        if (last != null && now.isBefore(last.plus(PER_CHANNEL))) {
            return Optional.of(last.plus(PER_CHANNEL));
        }
        return Optional.empty();
    }

    public void posted(String channel, Instant at) {
        lastPost.put(channel, at);
    }
}
