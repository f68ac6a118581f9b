package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.TimeSpan;
import java.util.List;
import java.util.Map;

/**
 * What is happening now that the calendar depends on: freezes people declared and incidents
 * that are open, each as the span it covers (an open one runs to the far future).
 */
public record CalendarState(List<TimeSpan> declaredFreezes, Map<String, List<TimeSpan>> incidentsBySeverity) {

    public static final CalendarState QUIET = new CalendarState(List.of(), Map.of());

    public CalendarState {
        declaredFreezes = List.copyOf(declaredFreezes);
        incidentsBySeverity = Map.copyOf(incidentsBySeverity);
    }
}
