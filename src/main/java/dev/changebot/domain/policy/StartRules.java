package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.FixedSchedule;
import dev.changebot.domain.calendar.NamedSchedule;
import dev.changebot.domain.calendar.Schedule;
import dev.changebot.domain.calendar.StartPlanner;
import dev.changebot.domain.calendar.TimeSpan;
import java.util.ArrayList;
import java.util.List;

/** Builds the calendar check for one class of change from the policy and what is happening now. */
public final class StartRules {

    private StartRules() {
    }

    public static StartPlanner plannerFor(Policy policy, ChangeClass changeClass, CalendarState state) {
        // Emergencies have unilateral authority: no window or freeze applies to them.
        var windows = changeClass.emergency() ? List.<NamedSchedule>of()
                : changeClass.windows().stream().map(name -> policy.windows().get(name)).toList();
        var freezes = new ArrayList<NamedSchedule>();
        for (var freeze : policy.freezes()) {
            if (freeze.blocks(changeClass)) {
                freezes.add(new NamedSchedule(freeze.name(), freeze.label(), schedule(freeze.source(), state)));
            }
        }
        return new StartPlanner(windows, freezes, policy.zone(), changeClass.label());
    }

    private static Schedule schedule(FreezeSource source, CalendarState state) {
        if (source instanceof FreezeSource.Scheduled scheduled) {
            return scheduled.schedule();
        }
        if (source instanceof FreezeSource.ActiveIncidents incidents) {
            var spans = new ArrayList<TimeSpan>();
            incidents.severities().forEach(s -> spans.addAll(state.incidentsBySeverity().getOrDefault(s, List.of())));
            return spans.isEmpty() ? Schedule.never() : new FixedSchedule(spans);
        }
        return state.declaredFreezes().isEmpty() ? Schedule.never() : new FixedSchedule(state.declaredFreezes());
    }
}
