package dev.changebot.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Spans of time recurring over the calendar: change windows, freezes. Implementations only list their
 * raw occurrences; finding "the span at t" and "the next span" is done once, here, and merges
 * occurrences that overlap or touch, so a continuous block (Friday 16:00 → Monday 08:00, or
 * Christmas plus the weekend after it) is always one span.
 */
public interface Schedule {

    /**
     * How far any search looks, ahead and behind: three years, one of them a leap year. A block that
     * goes on for longer than this (an "always" schedule) is cut at the horizon.
     */
    Duration HORIZON = Duration.ofDays(3 * 365 + 1);

    /**
     * The raw occurrences overlapping {@code within}: unmerged, in any order, possibly reaching
     * outside it. The building block for {@link #spanAt} and {@link #nextSpanFrom}, which callers use.
     */
    List<TimeSpan> occurrencesOverlapping(TimeSpan within);

    /** The continuous block of this schedule containing {@code instant}, if any. */
    default Optional<TimeSpan> spanAt(Instant instant) {
        return ScheduleSearch.blockAt(this, instant);
    }

    /** The block containing {@code instant}, or else the first one starting within the horizon after it. */
    default Optional<TimeSpan> nextSpanFrom(Instant instant) {
        return ScheduleSearch.nextBlockFrom(this, instant);
    }

    static Schedule always() {
        return ConstantSchedule.ALWAYS;
    }

    static Schedule never() {
        return ConstantSchedule.NEVER;
    }
}
