package dev.changebot.domain.calendar;

import java.time.LocalDate;

/** {@link HolidayCalendar#none()}. */
enum NoHolidays implements HolidayCalendar {
    INSTANCE;

    @Override
    public boolean isHoliday(LocalDate date) {
        return false;
    }

    @Override
    public String name(LocalDate date) {
        return "public holiday";
    }
}
