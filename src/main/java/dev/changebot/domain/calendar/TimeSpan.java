package dev.changebot.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time, half-open: {@code [start, end)}. Half-open so that a freeze ending at 08:00 and a
 * window opening at 08:00 touch without overlapping, and back-to-back spans merge without a gap or a
 * shared instant.
 */
public record TimeSpan(Instant start, Instant end) {

    public TimeSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A time span must end after it starts: " + start + " → " + end);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean overlaps(TimeSpan other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** Overlapping or back to back: together they cover one continuous stretch. */
    public boolean touches(TimeSpan other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
