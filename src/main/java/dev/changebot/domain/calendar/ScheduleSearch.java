package dev.changebot.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds merged blocks of a schedule by asking for its occurrences around an instant, widening the
 * look-around (doubling, up to the horizon) while the block found still touches the edge of what was
 * asked: the block may go on beyond it. Small first steps keep the common case (weekly windows) cheap.
 */
final class ScheduleSearch {

    /** A little over a week, so one step sees any weekly range around the instant. */
    private static final Duration FIRST_STEP = Duration.ofDays(8);

    private ScheduleSearch() {
    }

    static Optional<TimeSpan> blockAt(Schedule schedule, Instant instant) {
        Duration behind = FIRST_STEP;
        Duration ahead = FIRST_STEP;
        while (true) {
            TimeSpan asked = new TimeSpan(instant.minus(behind), instant.plus(ahead));
            Optional<TimeSpan> block = merge(schedule.occurrencesOverlapping(asked)).stream()
                    .filter(span -> span.contains(instant))
                    .findFirst();
            if (block.isEmpty()) {
                return block;
            }
            boolean mayStartEarlier = !block.get().start().isAfter(asked.start()) && behind.compareTo(Schedule.HORIZON) < 0;
            boolean mayEndLater = !block.get().end().isBefore(asked.end()) && ahead.compareTo(Schedule.HORIZON) < 0;
            if (!mayStartEarlier && !mayEndLater) {
                return Optional.of(clip(block.get(), instant.minus(Schedule.HORIZON), instant.plus(Schedule.HORIZON)));
            }
            behind = mayStartEarlier ? atMostHorizon(behind.multipliedBy(2)) : behind;
            ahead = mayEndLater ? atMostHorizon(ahead.multipliedBy(2)) : ahead;
        }
    }

    static Optional<TimeSpan> nextBlockFrom(Schedule schedule, Instant instant) {
        Optional<TimeSpan> current = blockAt(schedule, instant);
        if (current.isPresent()) {
            return current;
        }
        Instant limit = instant.plus(Schedule.HORIZON);
        Duration ahead = FIRST_STEP;
        while (true) {
            // Nothing covers the instant, so every occurrence seen here starts after it: the earliest
            // start is where the next block begins.
            Optional<Instant> firstStart = schedule.occurrencesOverlapping(new TimeSpan(instant, instant.plus(ahead)))
                    .stream()
                    .map(TimeSpan::start)
                    .filter(start -> start.isAfter(instant))
                    .min(Comparator.naturalOrder());
            if (firstStart.isPresent()) {
                return firstStart.get().isBefore(limit) ? blockAt(schedule, firstStart.get()) : Optional.empty();
            }
            if (ahead.compareTo(Schedule.HORIZON) >= 0) {
                return Optional.empty();
            }
            ahead = atMostHorizon(ahead.multipliedBy(2));
        }
    }

    /** Sorts and fuses spans that overlap or touch. */
    static List<TimeSpan> merge(Collection<TimeSpan> spans) {
        List<TimeSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(TimeSpan::start));
        List<TimeSpan> merged = new ArrayList<>();
        for (TimeSpan span : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).touches(span)) {
                TimeSpan previous = merged.get(last);
                Instant end = previous.end().isAfter(span.end()) ? previous.end() : span.end();
                merged.set(last, new TimeSpan(previous.start(), end));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static TimeSpan clip(TimeSpan span, Instant earliest, Instant latest) {
        Instant start = span.start().isBefore(earliest) ? earliest : span.start();
        Instant end = span.end().isAfter(latest) ? latest : span.end();
        return new TimeSpan(start, end);
    }

    private static Duration atMostHorizon(Duration duration) {
        return duration.compareTo(Schedule.HORIZON) > 0 ? Schedule.HORIZON : duration;
    }
}
