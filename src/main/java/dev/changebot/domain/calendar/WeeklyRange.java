package dev.changebot.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * From a weekday and wall-clock time to the next occurrence of another weekday and time: "FRIDAY 16:00
 * → MONDAY 08:00" crosses the week end, "MONDAY 22:00 → TUESDAY 00:00" ends at midnight. A range from a
 * moment to the very same moment is refused: it could mean nothing or the whole week.
 */
public record WeeklyRange(DayOfWeek fromDay, LocalTime from, DayOfWeek toDay, LocalTime to) {

    public WeeklyRange {
        Objects.requireNonNull(fromDay, "fromDay");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toDay, "toDay");
        Objects.requireNonNull(to, "to");
        if (fromDay == toDay && from.equals(to)) {
            throw new IllegalArgumentException("A weekly range must not end where it starts: " + fromDay + " " + from);
        }
    }

    /** One range per day, from {@code from} to {@code to}; a {@code to} at or before {@code from} ends the next day. */
    public static List<WeeklyRange> daily(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        boolean overnight = !to.isAfter(from);
        return new TreeSet<>(days).stream()
                .map(day -> new WeeklyRange(day, from, overnight ? day.plus(1) : day, to))
                .toList();
    }

    /** Whole days from {@code fromDay} to {@code toDay}, wrapping over the week end if needed. */
    int daysSpanned() {
        int days = Math.floorMod(toDay.getValue() - fromDay.getValue(), 7);
        return days == 0 && !to.isAfter(from) ? 7 : days;
    }
}
