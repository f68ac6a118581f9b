package dev.changebot.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A span starting at a wall-clock time on each date a {@link Recurrence} picks: "the first Tuesday of
 * each month, 02:00, for 4 h". The start is local time (gap moves forward, overlap takes the earlier
 * offset, as in {@link WeeklySchedule}); the length is elapsed time, so a 4 h window is 4 real hours
 * even on a DST night.
 */
public record RecurrenceSchedule(ZoneId zone, Recurrence dates, LocalTime start, Duration length) implements Schedule {

    public RecurrenceSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(start, "start");
        if (length == null || length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("A recurring span needs a positive length, got " + length);
        }
    }

    @Override
    public List<TimeSpan> occurrencesOverlapping(TimeSpan within) {
        // An occurrence that started up to `length` (plus a day for offsets) earlier may still be running.
        LocalDate first = LocalDays.dateOf(within.start(), zone).minusDays(length.toDays() + 1);
        LocalDate last = LocalDays.dateOf(within.end(), zone);
        List<TimeSpan> found = new ArrayList<>();
        for (LocalDate date : dates.datesBetween(first, last)) {
            Instant begins = ZonedDateTime.of(date, start, zone).toInstant();
            TimeSpan span = new TimeSpan(begins, begins.plus(length));
            if (span.overlaps(within)) {
                found.add(span);
            }
        }
        return found;
    }
}
