package dev.changebot.application.audit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How checkpoints are taken and witnessed: at most every {@code interval} while a chain grows, posted
 * to {@code channel} (a channel id or {@code #name}; empty: recorded, not posted), signed with the key
 * called {@code keyName}.
 */
public record CheckpointSettings(Duration interval, Optional<String> channel, String keyName) {

    public static final String DEFAULT_KEY_NAME = "changebot-audit";
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    public CheckpointSettings {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The checkpoint interval is positive, not " + interval);
        }
        channel = channel.map(String::strip).filter(c -> !c.isEmpty());
    }
}
