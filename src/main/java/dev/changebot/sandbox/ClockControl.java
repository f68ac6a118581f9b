package dev.changebot.sandbox;

import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Fast-forwards the bot's clock (sandbox only): the offset grows, then the timers that came due
 * fire at once on the poller's own firing path, as they would have when their time came.
 */
@Singleton
@Requires(condition = SandboxOn.class)
public class ClockControl {

    /** A month at most per step: enough for any deadline a policy sets, and no overflow games. */
    static final Duration MAX_STEP = Duration.ofDays(31);

    private final Clock clock;
    private final DueTimers timers;
    private final Workspace workspace;

    ClockControl(Clock clock, DueTimers timers, Workspace workspace) {
        this.clock = clock;
        this.timers = timers;
        this.workspace = workspace;
    }

    /** Moves the clock by {@code amount}; what it came to. Refused when the clock is not the sandbox's. */
    public Advanced advance(Duration amount) {
        if (!(clock instanceof OffsetClock offset)) {
            throw new IllegalStateException("The bot's clock is not the sandbox's (a test or an operator replaced it)");
        }
        if (amount.isNegative() || amount.isZero() || amount.compareTo(MAX_STEP) > 0) {
            throw new IllegalArgumentException("Move the clock forward by 1 minute to 31 days at a time");
        }
        var total = offset.advance(amount);
        int fired = timers.fireDue();
        workspace.clockMoved();
        return new Advanced(clock.instant(), total, fired);
    }

    /** The clock after the move, its total offset from real time, and how many timers fired. */
    public record Advanced(java.time.Instant now, Duration offset, int timersFired) {
    }
}
