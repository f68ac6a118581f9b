package dev.changebot.sandbox.workspace;

import java.time.Clock;
import java.util.Locale;

/**
 * Slack's message ts as the sandbox issues them: epoch seconds and microseconds from the bot's clock, unique
 * and increasing within the workspace. Not synchronized: the workspace calls it under its lock.
 */
final class MessageTimestamps {

    private final Clock clock;
    private long lastMicros;

    MessageTimestamps(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long micros = Math.max(clock.instant().toEpochMilli() * 1000, lastMicros + 1);
        lastMicros = micros;
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }
}
