package dev.changebot.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Holiday weekends (POL-008's blackout) as whole local days: a Saturday and Sunday joined to a public
 * holiday by at most {@code bridgeDays} working days, with the holiday and the days between. With one
 * bridge day, Thanksgiving (Thursday) makes Thursday to Sunday one holiday weekend, Memorial Day
 * (Monday) Saturday to Monday, a holiday on a Tuesday Saturday to Tuesday; Veterans Day on a
 * Wednesday, two working days from either weekend, is no holiday weekend. A holiday on a weekend
 * makes that weekend one. Other holidays in between count as no working day.
 */
public record HolidayWeekendSchedule(ZoneId zone, HolidayCalendar holidays, int bridgeDays) implements Schedule {

    public HolidayWeekendSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(holidays, "holidays");
        if (bridgeDays < 0 || bridgeDays > 3) {
            throw new IllegalArgumentException("Bridge days are 0 to 3, got " + bridgeDays);
        }
    }

    @Override
    public List<TimeSpan> occurrencesOverlapping(TimeSpan within) {
        return LocalDays.daysWhere(within, zone, this::covers);
    }

    /** Whether {@code day} belongs to a holiday weekend of a holiday at most a week and the bridge away. */
    boolean covers(LocalDate day) {
        int reach = bridgeDays + 7;
        for (LocalDate holiday = day.minusDays(reach); !holiday.isAfter(day.plusDays(reach)); holiday = holiday.plusDays(1)) {
            if (holidays.isHoliday(holiday) && inWeekendOf(holiday, day)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code day} lies between the holiday and a weekend it is joined to, both included. */
    private boolean inWeekendOf(LocalDate holiday, LocalDate day) {
        if (weekend(holiday)) {
            var saturday = holiday.getDayOfWeek() == DayOfWeek.SATURDAY ? holiday : holiday.minusDays(1);
            return !day.isBefore(saturday) && !day.isAfter(saturday.plusDays(1));
        }
        // Forward to the next Saturday, then back to the last Sunday, counting the working days crossed.
        var saturday = holiday.plusDays(1);
        int working = 0;
        for (; saturday.getDayOfWeek() != DayOfWeek.SATURDAY; saturday = saturday.plusDays(1)) {
            working += holidays.isHoliday(saturday) ? 0 : 1;
        }
        if (working <= bridgeDays && !day.isBefore(holiday) && !day.isAfter(saturday.plusDays(1))) {
            return true;
        }
        var sunday = holiday.minusDays(1);
        working = 0;
        for (; sunday.getDayOfWeek() != DayOfWeek.SUNDAY; sunday = sunday.minusDays(1)) {
            working += holidays.isHoliday(sunday) ? 0 : 1;
        }
        return working <= bridgeDays && !day.isBefore(sunday.minusDays(1)) && !day.isAfter(holiday);
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
