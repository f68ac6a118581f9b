package dev.changebot.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** A hand-computed recurrence standing in for an RRULE adapter: FREQ=MONTHLY;BYDAY=1TU. */
final class FirstTuesdayOfEachMonth implements Recurrence {

    @Override
    public List<LocalDate> datesBetween(LocalDate fromInclusive, LocalDate toInclusive) {
        List<LocalDate> dates = new ArrayList<>();
        for (YearMonth month = YearMonth.from(fromInclusive); !month.isAfter(YearMonth.from(toInclusive)); month = month.plusMonths(1)) {
            LocalDate firstTuesday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));
            if (!firstTuesday.isBefore(fromInclusive) && !firstTuesday.isAfter(toInclusive)) {
                dates.add(firstTuesday);
            }
        }
        return dates;
    }
}
