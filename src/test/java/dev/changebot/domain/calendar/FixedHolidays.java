package dev.changebot.domain.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Holidays written out by hand, standing in for a country's table. */
final class FixedHolidays implements HolidayCalendar {

    private final Map<LocalDate, String> names = new HashMap<>();

    static FixedHolidays of(String... isoDates) {
        FixedHolidays holidays = new FixedHolidays();
        for (String date : isoDates) {
            holidays.names.put(LocalDate.parse(date), "public holiday");
        }
        return holidays;
    }

    FixedHolidays and(String isoDate, String name) {
        names.put(LocalDate.parse(isoDate), name);
        return this;
    }

    @Override
    public boolean isHoliday(LocalDate date) {
        return names.containsKey(date);
    }

    @Override
    public String name(LocalDate date) {
        return names.getOrDefault(date, "public holiday");
    }
}
