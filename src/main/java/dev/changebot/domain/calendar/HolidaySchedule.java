package dev.changebot.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Public holidays as whole local days. With {@code extendToWeekend}, a holiday on a Friday or a Monday
 * also covers the Saturday and Sunday next to it: a long weekend is when nobody is around to roll back.
 * Consecutive days merge into one span (Good Friday through Easter Monday).
 */
public record HolidaySchedule(ZoneId zone, HolidayCalendar holidays, boolean extendToWeekend) implements Schedule {

    public HolidaySchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(holidays, "holidays");
    }

    @Override
    public List<TimeSpan> occurrencesOverlapping(TimeSpan within) {
        return LocalDays.daysWhere(within, zone, this::covers);
    }

    private boolean covers(LocalDate day) {
        if (holidays.isHoliday(day)) {
            return true;
        }
        if (!extendToWeekend) {
            return false;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY) {
            return holidays.isHoliday(day.minusDays(1)) || holidays.isHoliday(day.plusDays(2));
        }
        if (weekday == DayOfWeek.SUNDAY) {
            return holidays.isHoliday(day.minusDays(2)) || holidays.isHoliday(day.plusDays(1));
        }
        return false;
    }
}
