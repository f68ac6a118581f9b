package dev.changebot.domain.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Working days in one zone: not a weekend day, not a holiday. Counting happens on local dates and the
 * local time of day is kept, so "2 business days from Friday 10:00" is Tuesday 10:00 on the local
 * clock, whatever DST did in between (a time in a DST gap moves forward, an ambiguous one takes the
 * earlier offset).
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> weekend, HolidayCalendar holidays) {

    public static final Set<DayOfWeek> SATURDAY_AND_SUNDAY = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(holidays, "holidays");
        weekend = Set.copyOf(weekend);
        if (weekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("A week needs at least one working day");
        }
    }

    /** Saturday and Sunday off. */
    public BusinessCalendar(ZoneId zone, HolidayCalendar holidays) {
        this(zone, SATURDAY_AND_SUNDAY, holidays);
    }

    public boolean isBusinessDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
    }

    /**
     * The same local time {@code days} business days later. Each step moves to the next business day,
     * so from a Saturday one business day is Monday (and zero days is the Saturday itself).
     */
    public Instant plusBusinessDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Business days are counted forward, got " + days);
        }
        ZonedDateTime start = from.atZone(zone);
        LocalDate date = start.toLocalDate();
        for (int i = 0; i < days; i++) {
            date = nextBusinessDay(date);
        }
        return at(date, start.toLocalTime());
    }

    /**
     * Whole business days elapsed: the largest n for which {@code plusBusinessDays(from, n)} is not
     * after {@code to}. Negative when {@code to} comes before {@code from}.
     */
    public long businessDaysBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return -businessDaysBetween(to, from);
        }
        LocalTime timeOfDay = from.atZone(zone).toLocalTime();
        LocalDate date = from.atZone(zone).toLocalDate();
        long count = 0;
        while (true) {
            date = nextBusinessDay(date);
            if (at(date, timeOfDay).isAfter(to)) {
                return count;
            }
            count++;
        }
    }

    private LocalDate nextBusinessDay(LocalDate date) {
        // Bounded: a holiday table that marks every day would otherwise loop forever.
        for (LocalDate next = date.plusDays(1); next.isBefore(date.plusYears(1)); next = next.plusDays(1)) {
            if (isBusinessDay(next)) {
                return next;
            }
        }
        throw new IllegalStateException("No business day in the year after " + date);
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
