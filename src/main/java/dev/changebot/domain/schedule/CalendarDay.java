package dev.changebot.domain.schedule;

import java.time.LocalDate;
import java.util.List;

/** One day of the calendar in the reader's zone: what starts, runs or is frozen or open during it. */
public record CalendarDay(LocalDate date, List<ScheduledChange> changes, List<CalendarFreeze> freezes,
                          List<CalendarWindow> windows) {

    public CalendarDay {
        changes = List.copyOf(changes);
        freezes = List.copyOf(freezes);
        windows = List.copyOf(windows);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && freezes.isEmpty() && windows.isEmpty();
    }
}
