package dev.changebot.domain.schedule;

import dev.changebot.domain.calendar.Schedule;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.DeploymentTarget;
import dev.changebot.domain.policy.FreezeSource;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StartRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Lays the policy's freezes and windows, the declared freezes and the open changes over a period, day
 * by day in the reader's zone. An entry spanning midnight is on every day it touches; the earliest
 * compliant start of each class is the one the request form would offer from now.
 */
public final class CalendarBuilder {

    /** Safety net: a schedule never yields more blocks than this in one period (a 31-day view of hourly windows). */
    private static final int MAX_BLOCKS = 2_000;

    private CalendarBuilder() {
    }

    /**
     * @param changes  the open changes; those not holding a slot (rejected, done...) are left out
     * @param service  only this service's changes, freezes and windows; empty for all
     */
    public static ChangeCalendar build(Policy policy, CalendarState state, List<DeclaredFreeze> declared,
                                       List<ScheduledChange> changes, CalendarPeriod period, ZoneId readerZone,
                                       Instant now, Optional<String> service) {
        var target = new DeploymentTarget(service, Optional.empty());
        var span = period.span();
        var freezes = freezes(policy, state, declared, span, target);
        var windows = windows(policy, span, target);
        var placed = new ArrayList<ScheduledChange>();
        var unscheduled = new ArrayList<ScheduledChange>();
        for (var change : changes) {
            if (!change.holdsItsSlot() || service.isPresent() && !change.service().equals(service)) {
                continue;
            }
            if (change.window().isEmpty()) {
                unscheduled.add(change);
            } else if (change.window().get().overlaps(span)) {
                placed.add(change);
            }
        }
        placed.sort(Comparator.comparing((ScheduledChange c) -> c.window().orElseThrow().start())
                .thenComparing(c -> c.id().number()));
        var days = new ArrayList<CalendarDay>();
        var first = span.start().atZone(readerZone).toLocalDate();
        var last = span.end().minusNanos(1).atZone(readerZone).toLocalDate();
        for (var date = first; !date.isAfter(last); date = date.plusDays(1)) {
            var day = dayOf(date, readerZone);
            var onDay = new CalendarDay(date,
                    placed.stream().filter(c -> c.window().orElseThrow().overlaps(day)).toList(),
                    freezes.stream().filter(f -> f.span().overlaps(day)).toList(),
                    windows.stream().filter(w -> w.span().overlaps(day)).toList());
            days.add(onDay);
        }
        var earliest = new LinkedHashMap<String, Optional<Instant>>();
        for (var changeClass : policy.classes().values()) {
            if (!changeClass.emergency()) {
                earliest.put(changeClass.label(), earliestStart(policy, state, changeClass, target, now));
            }
        }
        return new ChangeCalendar(period, readerZone, service, days, unscheduled, earliest);
    }

    /** The first instant a change of the class asked now may start: past its notice, in a window, in no freeze. */
    public static Optional<Instant> earliestStart(Policy policy, CalendarState state, ChangeClass changeClass,
                                                 DeploymentTarget target, Instant now) {
        var from = changeClass.notice().earliestStart(now, policy.businessCalendar());
        var planner = StartRules.plannerFor(policy, changeClass, target, state);
        return planner.earliestCompliantStart(from.isAfter(now) ? from : now);
    }

    private static TimeSpan dayOf(LocalDate date, ZoneId zone) {
        return new TimeSpan(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static List<CalendarFreeze> freezes(Policy policy, CalendarState state, List<DeclaredFreeze> declared,
                                                TimeSpan span, DeploymentTarget target) {
        var found = new ArrayList<CalendarFreeze>();
        for (var freeze : policy.freezes()) {
            if (!freeze.scope().covers(target)) {
                continue;
            }
            if (freeze.source() instanceof FreezeSource.Scheduled scheduled) {
                blocks(scheduled.schedule(), span).forEach(block ->
                        found.add(new CalendarFreeze(freeze.label(), CalendarFreeze.Kind.SCHEDULED, block, false,
                                Optional.empty())));
            } else if (freeze.source() instanceof FreezeSource.ActiveIncidents) {
                // An open incident's span reaches far into the future: it is cut at the period's end.
                blocks(StartRules.scheduleOf(freeze, state), span).forEach(block ->
                        found.add(new CalendarFreeze(freeze.label(), CalendarFreeze.Kind.INCIDENT, block,
                                !block.end().isBefore(span.end()), Optional.empty())));
            }
        }
        for (var freeze : declared) {
            var end = freeze.endsAt().orElse(span.end());
            if (end.isAfter(freeze.startsAt())) {
                var block = new TimeSpan(freeze.startsAt(), end);
                if (block.overlaps(span)) {
                    found.add(new CalendarFreeze(freeze.reason(), CalendarFreeze.Kind.DECLARED, block,
                            freeze.endsAt().isEmpty(), Optional.of(freeze.declaredBy())));
                }
            }
        }
        found.sort(Comparator.comparing((CalendarFreeze f) -> f.span().start()).thenComparing(CalendarFreeze::label));
        return found;
    }

    private static List<CalendarWindow> windows(Policy policy, TimeSpan span, DeploymentTarget target) {
        var found = new ArrayList<CalendarWindow>();
        policy.windows().forEach((name, window) -> {
            if (!policy.windowScope(name).covers(target)) {
                return;
            }
            var forClasses = new ArrayList<String>();
            var fallbackFor = new ArrayList<String>();
            for (var changeClass : policy.classes().values()) {
                if (changeClass.emergency()) {
                    continue;
                }
                if (changeClass.windows().contains(name)) {
                    forClasses.add(changeClass.label());
                } else if (changeClass.fallbackWindows().contains(name)) {
                    fallbackFor.add(changeClass.label());
                }
            }
            blocks(window.schedule(), span).forEach(block ->
                    found.add(new CalendarWindow(name, window.label(), block, forClasses, fallbackFor)));
        });
        found.sort(Comparator.comparing((CalendarWindow w) -> w.span().start()).thenComparing(CalendarWindow::name));
        return found;
    }

    /** The merged blocks of {@code schedule} overlapping {@code span}, each whole (it may start before or end after). */
    static List<TimeSpan> blocks(Schedule schedule, TimeSpan span) {
        var blocks = new ArrayList<TimeSpan>();
        var from = span.start();
        while (blocks.size() < MAX_BLOCKS) {
            var next = schedule.nextSpanFrom(from);
            if (next.isEmpty() || !next.get().start().isBefore(span.end())) {
                break;
            }
            blocks.add(next.get());
            // A block reaching past the period ends the search (one cut at the horizon would seem to start again).
            if (!next.get().end().isBefore(span.end()) || !next.get().end().isAfter(from)) {
                break;
            }
            from = next.get().end();
        }
        return blocks;
    }
}
