package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.FixedSchedule;
import dev.changebot.domain.calendar.NamedSchedule;
import dev.changebot.domain.calendar.Schedule;
import dev.changebot.domain.calendar.StartPlanner;
import dev.changebot.domain.calendar.TimeSpan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the calendar check for one class of change from the policy and what is happening now. */
public final class StartRules {

    private StartRules() {
    }

    /** The check wherever the change goes: every freeze and window of its class, scoped or not. */
    public static StartPlanner plannerFor(Policy policy, ChangeClass changeClass, CalendarState state) {
        return plannerFor(policy, changeClass, DeploymentTarget.ANYWHERE, state);
    }

    /**
     * The check for a change going to {@code target}: freezes and windows scoped to other services
     * or environments do not apply (a class whose windows all belong elsewhere may go any time).
     */
    public static StartPlanner plannerFor(Policy policy, ChangeClass changeClass, DeploymentTarget target,
                                          CalendarState state) {
        return plannerFor(policy, changeClass, target, state, false);
    }

    /** As above; {@code fallbackOpen}: the class's fallback windows are open to this change too ({@link #fallbackOpen}). */
    public static StartPlanner plannerFor(Policy policy, ChangeClass changeClass, DeploymentTarget target,
                                          CalendarState state, boolean fallbackOpen) {
        // Emergencies start at once: no window or freeze applies to them.
        var names = new ArrayList<>(changeClass.windows());
        if (fallbackOpen) {
            names.addAll(changeClass.fallbackWindows());
        }
        var windows = changeClass.emergency() ? List.<NamedSchedule>of()
                : names.stream().filter(name -> policy.windowScope(name).covers(target))
                        .map(name -> policy.windows().get(name)).toList();
        var freezes = new ArrayList<NamedSchedule>();
        for (var freeze : policy.freezes()) {
            if (freeze.blocks(changeClass, target)) {
                freezes.add(named(freeze, target, state));
            }
        }
        return new StartPlanner(windows, freezes, policy.zone(), changeClass.label());
    }

    /**
     * Whether a change proposed to start at {@code proposedStart} may use its class's fallback windows
     * at {@code now}: its first window — the occurrence of one of the class's windows holding the
     * proposed start, or the first after it — has ended without the change starting.
     */
    public static boolean fallbackOpen(Policy policy, ChangeClass changeClass, DeploymentTarget target,
                                       Instant proposedStart, Instant now) {
        if (changeClass.fallbackWindows().isEmpty() || changeClass.emergency()) {
            return false;
        }
        var horizon = new TimeSpan(proposedStart, proposedStart.plus(java.time.Duration.ofDays(400)));
        return changeClass.windows().stream().filter(name -> policy.windowScope(name).covers(target))
                .flatMap(name -> policy.windows().get(name).schedule().occurrencesOverlapping(horizon).stream())
                .map(TimeSpan::end).filter(end -> end.isAfter(proposedStart)).min(Instant::compareTo)
                .map(firstWindowEnd -> !now.isBefore(firstWindowEnd)).orElse(false);
    }

    /**
     * When {@code freeze} holds, given what is happening now (declared freezes, open incidents), for
     * any change: an incident freeze scoped to the affected services holds here while any matching
     * incident is open (the calendar shows it; whom it stops is {@link #named}'s to say).
     */
    public static Schedule scheduleOf(Freeze freeze, CalendarState state) {
        return named(freeze, null, state).schedule();
    }

    /**
     * A freeze as the planner sees it for {@code target} (null: any target). An active-incident freeze
     * names the incidents behind it in its label, so the reason a change (or a gate check) waits says
     * which incident: "the incident freeze (INC-3 SEV2 Payments down)".
     */
    private static NamedSchedule named(Freeze freeze, DeploymentTarget target, CalendarState state) {
        var source = freeze.source();
        if (source instanceof FreezeSource.Scheduled scheduled) {
            return new NamedSchedule(freeze.name(), freeze.label(), scheduled.schedule());
        }
        if (source instanceof FreezeSource.ActiveIncidents incidents) {
            var spans = new ArrayList<TimeSpan>();
            incidents.severities().forEach(s -> spans.addAll(state.incidentsBySeverity().getOrDefault(s, List.of())));
            var headlines = new ArrayList<String>();
            for (var incident : state.incidents()) {
                if (incidents.severities().contains(incident.severity())
                        && (incidents.scope() == IncidentScope.ALL || target == null || incident.affects(target))) {
                    spans.add(incident.span());
                    headlines.add(incident.headline());
                }
            }
            var label = headlines.isEmpty() ? freeze.label() : freeze.label() + " (" + String.join("; ", headlines) + ")";
            return new NamedSchedule(freeze.name(), label, spans.isEmpty() ? Schedule.never() : new FixedSchedule(spans));
        }
        var declared = state.declaredFreezes();
        return new NamedSchedule(freeze.name(), freeze.label(),
                declared.isEmpty() ? Schedule.never() : new FixedSchedule(declared));
    }
}
