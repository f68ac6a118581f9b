package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.TimeSpan;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is happening now that the calendar depends on: freezes people declared, emergencies declared
 * with a severity ({@code incidentsBySeverity}, each as the span it covers; an open one runs to the
 * far future), and incidents recorded from a tool or `/change incident start` ({@code incidents}).
 */
public record CalendarState(List<TimeSpan> declaredFreezes, Map<String, List<TimeSpan>> incidentsBySeverity,
                            List<IncidentSpan> incidents) {

    public static final CalendarState QUIET = new CalendarState(List.of(), Map.of());

    public CalendarState {
        declaredFreezes = List.copyOf(declaredFreezes);
        incidentsBySeverity = Map.copyOf(incidentsBySeverity);
        incidents = List.copyOf(incidents);
    }

    /** No recorded incidents (as before issue 18). */
    public CalendarState(List<TimeSpan> declaredFreezes, Map<String, List<TimeSpan>> incidentsBySeverity) {
        this(declaredFreezes, incidentsBySeverity, List.of());
    }

    /**
     * The state as a change remediating {@code refs} sees it: the incidents it is linked to do not
     * freeze the change that fixes them.
     */
    public CalendarState remediating(Set<String> refs) {
        if (refs.isEmpty()) {
            return this;
        }
        return new CalendarState(declaredFreezes, incidentsBySeverity,
                incidents.stream().filter(incident -> !refs.contains(incident.ref())).toList());
    }
}
