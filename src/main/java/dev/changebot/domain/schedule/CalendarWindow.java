package dev.changebot.domain.schedule;

import dev.changebot.domain.calendar.TimeSpan;
import java.util.List;

/**
 * One opening of a change window of the policy, with the classes of change that may start in it
 * ({@code fallbackFor}: the classes for which it is only a second chance).
 */
public record CalendarWindow(String name, String label, TimeSpan span, List<String> forClasses,
                             List<String> fallbackFor) {

    public CalendarWindow {
        forClasses = List.copyOf(forClasses);
        fallbackFor = List.copyOf(fallbackFor);
    }
}
