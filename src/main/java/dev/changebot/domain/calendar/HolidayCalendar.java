package dev.changebot.domain.calendar;

import java.time.LocalDate;

/** Which local dates are public holidays. A port: an adapter reads per-country tables. */
public interface HolidayCalendar {

    boolean isHoliday(LocalDate date);

    /** What the holiday is called, for messages; an implementation may answer "public holiday". */
    String name(LocalDate date);

    /** No holidays at all: only weekends count. */
    static HolidayCalendar none() {
        return NoHolidays.INSTANCE;
    }
}
