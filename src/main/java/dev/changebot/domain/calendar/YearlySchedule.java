package dev.changebot.domain.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The same whole local days every year, from {@code from} to {@code toInclusive}; when {@code
 * toInclusive} comes before {@code from} the period wraps over the year end (Dec 24 → Jan 1). February
 * 29 falls back to February 28 in common years.
 */
public record YearlySchedule(ZoneId zone, MonthDay from, MonthDay toInclusive) implements Schedule {

    public YearlySchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toInclusive, "toInclusive");
    }

    @Override
    public List<TimeSpan> occurrencesOverlapping(TimeSpan within) {
        int firstYear = LocalDays.dateOf(within.start(), zone).getYear() - 1;
        int lastYear = LocalDays.dateOf(within.end(), zone).getYear();
        boolean wraps = toInclusive.isBefore(from);
        List<TimeSpan> found = new ArrayList<>();
        for (int year = firstYear; year <= lastYear; year++) {
            LocalDate start = from.atYear(year);
            LocalDate end = toInclusive.atYear(wraps ? year + 1 : year);
            TimeSpan span = LocalDays.span(start, end, zone);
            if (span.overlaps(within)) {
                found.add(span);
            }
        }
        return found;
    }
}
