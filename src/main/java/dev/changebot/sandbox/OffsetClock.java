package dev.changebot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bot's clock in the sandbox: real time plus an offset that only grows, so a person can see a
 * soak end or a review fall due without waiting hours. Only the app's business time moves; request
 * signatures keep to the wall clock, as with Slack.
 */
public final class OffsetClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public OffsetClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private OffsetClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves the clock forward; time never goes back, so a negative amount is refused. */
    public Duration advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward");
        }
        return offset.accumulateAndGet(amount, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new OffsetClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
