package dev.changebot.domain.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Weekly ranges of wall-clock time in one zone: "Tue–Thu 10:00–18:00 Europe/Berlin" stays 10:00–18:00
 * on the local clock all year, so its instants shift by an hour at each DST change, and a range that
 * spans the change night is an hour longer or shorter than on the clock face.
 *
 * <p>Local times that do not exist or exist twice follow {@link ZonedDateTime#of}: a time in the
 * spring-forward gap moves forward by the length of the gap (02:30 becomes 03:30), and a time in the
 * fall-back overlap takes the earlier offset (the first 02:30). An occurrence that collapses to nothing
 * (02:00–03:00 on the spring-forward night) is skipped.
 */
public record WeeklySchedule(ZoneId zone, List<WeeklyRange> ranges) implements Schedule {

    public WeeklySchedule {
        Objects.requireNonNull(zone, "zone");
        ranges = List.copyOf(ranges);
    }

    @Override
    public List<TimeSpan> occurrencesOverlapping(TimeSpan within) {
        // A range starts at most a week before it ends, so start looking a week early.
        LocalDate first = LocalDays.dateOf(within.start(), zone).minusDays(7);
        LocalDate last = LocalDays.dateOf(within.end(), zone);
        List<TimeSpan> found = new ArrayList<>();
        for (WeeklyRange range : ranges) {
            for (LocalDate day = nextOrSame(first, range.fromDay()); !day.isAfter(last); day = day.plusWeeks(1)) {
                Instant start = ZonedDateTime.of(day, range.from(), zone).toInstant();
                Instant end = ZonedDateTime.of(day.plusDays(range.daysSpanned()), range.to(), zone).toInstant();
                if (start.isBefore(end) && within.overlaps(new TimeSpan(start, end))) {
                    found.add(new TimeSpan(start, end));
                }
            }
        }
        return found;
    }

    private static LocalDate nextOrSame(LocalDate date, DayOfWeek day) {
        return date.with(TemporalAdjusters.nextOrSame(day));
    }
}
