package dev.changebot.domain.schedule;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.DeploymentTarget;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StartRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Everything standing in the way of a change's planned window — every conflict, not the first — and
 * the next slot free of them. Pure: the caller hands in the other open changes and the time.
 */
public final class Conflicts {

    /** How far the free-slot search looks. */
    public static final Duration SEARCH = Duration.ofDays(90);
    /** Each step of the search moves strictly forward; this bounds it whatever the calendar holds. */
    private static final int MAX_STEPS = 10_000;

    private Conflicts() {
    }

    /**
     * The conflicts of {@code subject} with the policy and the {@code others} (any open changes; those
     * not holding a slot, and the subject itself, are skipped). A change with no planned window can only
     * clash with a rollout under way on its service.
     */
    public static List<Conflict> of(Policy policy, CalendarState state, ScheduledChange subject,
                                    List<ScheduledChange> others, Instant now) {
        var found = new ArrayList<>(withChanges(subject, others, now, policy::dependent));
        subject.window().ifPresent(w -> policy.changeClass(subject.changeClass()).filter(c -> !c.emergency())
                .ifPresent(changeClass -> found.addAll(againstThePolicy(policy, state, changeClass, subject, w))));
        return List.copyOf(found);
    }

    /** Whether changes to two services are tied by a dependency declared between them (either way). */
    @FunctionalInterface
    public interface Dependencies {
        boolean between(String service, String other);
    }

    /** With no dependencies between services. */
    public static List<Conflict> withChanges(ScheduledChange subject, List<ScheduledChange> others, Instant now) {
        return withChanges(subject, others, now, (a, b) -> false);
    }

    /**
     * The conflicts of {@code subject} with the other changes alone (same service, same system, a
     * dependency, rollout in progress, same person): what its message shows, needing neither the
     * windows and freezes nor the calendar's state.
     */
    public static List<Conflict> withChanges(ScheduledChange subject, List<ScheduledChange> others, Instant now,
                                             Dependencies dependencies) {
        var found = new ArrayList<Conflict>();
        var window = subject.window();
        // Read once: the outbox checks a batch of changes against every change around them.
        var mySystems = subject.systemNames();
        for (var other : others) {
            if (other.id().equals(subject.id()) || !other.holdsItsSlot()) {
                continue;
            }
            boolean sameService = subject.service().isPresent() && subject.service().equals(other.service());
            if (sameService && other.underWay() && rolloutStillRunning(subject, other, now)) {
                var overlap = window.flatMap(w -> other.window().flatMap(o -> intersection(w, o)))
                        .or(() -> window).orElse(new TimeSpan(now, now.plusSeconds(1)));
                found.add(new Conflict(Conflict.Kind.ROLLOUT_IN_PROGRESS, Optional.of(other), Optional.empty(), overlap));
                if (!subject.owner().equals(other.owner()) || window.isEmpty()) {
                    continue;
                }
            }
            if (window.isEmpty() || other.window().isEmpty()) {
                continue;
            }
            var overlap = intersection(window.get(), other.window().get());
            if (overlap.isEmpty()) {
                continue;
            }
            if (!(sameService && other.underWay())) {
                if (sameService) {
                    found.add(new Conflict(Conflict.Kind.SAME_SERVICE, Optional.of(other), Optional.empty(), overlap.get()));
                } else if (sharesASystem(mySystems, other)) {
                    found.add(new Conflict(Conflict.Kind.SAME_SYSTEM, Optional.of(other), Optional.empty(), overlap.get()));
                } else if (subject.service().isPresent() && other.service().isPresent()
                        && dependencies.between(subject.service().get(), other.service().get())) {
                    found.add(new Conflict(Conflict.Kind.DEPENDENCY, Optional.of(other), Optional.empty(), overlap.get()));
                }
            }
            if (subject.owner().equals(other.owner())) {
                found.add(new Conflict(Conflict.Kind.SAME_PERSON, Optional.of(other), Optional.empty(), overlap.get()));
            }
        }
        return found;
    }

    /**
     * The first window of the subject's length, from {@code from} on and within {@link #SEARCH}, that
     * starts where its class may start and clashes with no freeze and no other change; empty when the
     * subject has no planned window (its length is unknown) or none is free.
     */
    public static Optional<TimeSpan> nextFreeSlot(Policy policy, CalendarState state, ScheduledChange subject,
                                                  List<ScheduledChange> others, Instant from) {
        if (subject.window().isEmpty()) {
            return Optional.empty();
        }
        var length = subject.window().get().length();
        var changeClass = policy.changeClass(subject.changeClass());
        var target = target(subject);
        var planner = changeClass.map(c -> StartRules.plannerFor(policy, c, target, state));
        var limit = from.plus(SEARCH);
        var candidate = from;
        for (int step = 0; step < MAX_STEPS; step++) {
            if (planner.isPresent()) {
                var allowed = planner.get().earliestCompliantStart(candidate);
                if (allowed.isEmpty()) {
                    return Optional.empty();
                }
                candidate = allowed.get();
            }
            if (!candidate.isBefore(limit)) {
                return Optional.empty();
            }
            var slot = new TimeSpan(candidate, candidate.plus(length));
            var moved = subject.at(slot);
            var blockers = of(policy, state, moved, others, from).stream()
                    .filter(c -> c.kind() != Conflict.Kind.OUTSIDE_WINDOWS && !overrunning(c, from)).toList();
            if (blockers.isEmpty()) {
                return Optional.of(slot);
            }
            // Past the end of whatever is in the way: the latest end among them, strictly after the candidate.
            var at = candidate;
            var next = blockers.stream().map(c -> blockedUntil(c, at)).max(Comparator.naturalOrder()).orElseThrow();
            if (!next.isAfter(candidate)) {
                return Optional.empty();
            }
            candidate = next;
        }
        return Optional.empty();
    }

    private static Instant blockedUntil(Conflict conflict, Instant candidate) {
        if (conflict.kind() == Conflict.Kind.ROLLOUT_IN_PROGRESS) {
            var end = conflict.other().flatMap(ScheduledChange::window).map(TimeSpan::end);
            // A rollout with no planned end blocks nothing we can see past; its conflict is told anyway.
            return end.filter(e -> e.isAfter(candidate)).orElse(conflict.overlap().end());
        }
        return conflict.overlap().end();
    }

    /**
     * A rollout is in the way of a change planned to start before it is expected to end; one running
     * past its planned end may end any time, so it is in the way of every change to its service.
     */
    private static boolean rolloutStillRunning(ScheduledChange subject, ScheduledChange rollout, Instant now) {
        if (subject.window().isEmpty() || rollout.window().isEmpty()) {
            return true;
        }
        var expectedEnd = rollout.window().get().end();
        return !expectedEnd.isAfter(now) || subject.window().get().start().isBefore(expectedEnd);
    }

    /** A rollout under way past its planned end: no slot can be said to be free of it, nor taken by it. */
    private static boolean overrunning(Conflict conflict, Instant now) {
        return conflict.kind() == Conflict.Kind.ROLLOUT_IN_PROGRESS && conflict.other()
                .flatMap(ScheduledChange::window).map(w -> !w.end().isAfter(now)).orElse(true);
    }

    private static List<Conflict> againstThePolicy(Policy policy, CalendarState state, ChangeClass changeClass,
                                                   ScheduledChange subject, TimeSpan window) {
        var found = new ArrayList<Conflict>();
        var target = target(subject);
        var seen = new HashSet<String>();
        for (var freeze : policy.freezes()) {
            if (!freeze.blocks(changeClass, target) || !seen.add(freeze.name())) {
                continue;
            }
            for (var block : CalendarBuilder.blocks(StartRules.scheduleOf(freeze, state), window)) {
                intersection(window, block).ifPresent(overlap -> found.add(new Conflict(Conflict.Kind.FREEZE,
                        Optional.empty(), Optional.of(freeze.label()), overlap)));
            }
        }
        var windows = changeClass.windows().stream().filter(name -> policy.windowScope(name).covers(target))
                .map(name -> policy.windows().get(name)).toList();
        boolean inside = windows.isEmpty()
                || windows.stream().anyMatch(w -> w.schedule().spanAt(window.start()).isPresent());
        if (!inside) {
            found.add(new Conflict(Conflict.Kind.OUTSIDE_WINDOWS, Optional.empty(),
                    Optional.of("the windows for " + changeClass.label()), window));
        }
        return found;
    }

    private static DeploymentTarget target(ScheduledChange change) {
        return new DeploymentTarget(change.service(),
                change.environment().isBlank() ? Optional.empty() : Optional.of(change.environment()));
    }

    private static boolean sharesASystem(java.util.Set<String> mine, ScheduledChange b) {
        return !mine.isEmpty() && b.systemNames().stream().anyMatch(mine::contains);
    }

    static Optional<TimeSpan> intersection(TimeSpan a, TimeSpan b) {
        var start = a.start().isAfter(b.start()) ? a.start() : b.start();
        var end = a.end().isBefore(b.end()) ? a.end() : b.end();
        return start.isBefore(end) ? Optional.of(new TimeSpan(start, end)) : Optional.empty();
    }
}
