package dev.changebot.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whole local days as instants. A day starts at {@link LocalDate#atStartOfDay(ZoneId)}, not at a
 * computed 00:00: in zones that change clocks at midnight the day starts at 01:00, and a day may last
 * 23 or 25 hours.
 */
final class LocalDays {

    private LocalDays() {
    }

    /** From the start of {@code first} to the start of the day after {@code lastInclusive}. */
    static TimeSpan span(LocalDate first, LocalDate lastInclusive, ZoneId zone) {
        return new TimeSpan(first.atStartOfDay(zone).toInstant(), lastInclusive.plusDays(1).atStartOfDay(zone).toInstant());
    }

    static TimeSpan day(LocalDate date, ZoneId zone) {
        return span(date, date, zone);
    }

    static LocalDate dateOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The whole local days overlapping {@code within} that {@code covered} accepts, each as its own span. */
    static java.util.List<TimeSpan> daysWhere(TimeSpan within, ZoneId zone, java.util.function.Predicate<LocalDate> covered) {
        LocalDate last = dateOf(within.end(), zone);
        var found = new java.util.ArrayList<TimeSpan>();
        for (LocalDate day = dateOf(within.start(), zone); !day.isAfter(last); day = day.plusDays(1)) {
            if (covered.test(day)) {
                TimeSpan span = day(day, zone);
                if (span.overlaps(within)) {
                    found.add(span);
                }
            }
        }
        return found;
    }
}
