package dev.changebot.domain.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The calendar's verdict on starting a change at an instant: inside one of the allowed windows (any
 * time, when there are none) and inside no freeze. Notice periods are the caller's business: it asks
 * from {@code max(proposed start, notice.earliestStart(...))}.
 *
 * @param windows     when this class of change may start; empty means any time
 * @param freezes     when no change may start
 * @param displayZone the zone times are written in
 * @param changeLabel the class of change in a sentence, e.g. "medium-risk change"
 */
public record StartPlanner(
        List<NamedSchedule> windows, List<NamedSchedule> freezes, ZoneId displayZone, String changeLabel) {

    /** Enough for a freeze and a window to take turns for years; the horizon usually stops us first. */
    private static final int MAX_STEPS = 1_000;

    public StartPlanner {
        windows = List.copyOf(windows);
        freezes = List.copyOf(freezes);
        Objects.requireNonNull(displayZone, "displayZone");
        if (changeLabel == null || changeLabel.isBlank()) {
            throw new IllegalArgumentException("A planner needs a label for its class of change");
        }
    }

    /**
     * @param reasons       why the start is refused, one sentence part per rule; empty when allowed
     * @param blockingRules the names of the freezes and windows that refuse it
     */
    public record Verdict(boolean allowed, List<String> reasons, List<String> blockingRules,
                          Optional<Instant> earliestCompliantStart) {

        public Verdict {
            reasons = List.copyOf(reasons);
            blockingRules = List.copyOf(blockingRules);
            Objects.requireNonNull(earliestCompliantStart, "earliestCompliantStart");
        }
    }

    public Verdict check(Instant at) {
        List<String> reasons = new ArrayList<>();
        List<String> blocking = new ArrayList<>();
        for (NamedSchedule freeze : freezes) {
            freeze.schedule().spanAt(at).ifPresent(span -> {
                reasons.add("inside " + freeze.label() + " (" + CalendarText.span(span, displayZone) + ")");
                blocking.add(freeze.name());
            });
        }
        if (!insideSomeWindow(at)) {
            reasons.add("outside the allowed windows for " + CalendarText.withArticle(changeLabel));
            windows.forEach(window -> blocking.add(window.name()));
        }
        boolean allowed = reasons.isEmpty();
        return new Verdict(allowed, reasons, blocking, allowed ? Optional.of(at) : earliestCompliantStart(at));
    }

    /**
     * The first instant from {@code from} on that is inside a window and in no freeze. Alternates
     * between jumping past the freeze we are in and jumping to the next window opening until neither
     * moves us; each jump goes strictly forward, and the search stops at the horizon.
     */
    public Optional<Instant> earliestCompliantStart(Instant from) {
        Instant limit = from.plus(Schedule.HORIZON);
        Instant candidate = from;
        for (int step = 0; step < MAX_STEPS && candidate.isBefore(limit); step++) {
            Optional<Instant> freezeEnd = freezeEndAt(candidate);
            if (freezeEnd.isPresent()) {
                candidate = freezeEnd.get();
                continue;
            }
            if (insideSomeWindow(candidate)) {
                return Optional.of(candidate);
            }
            Optional<Instant> nextOpening = nextWindowOpening(candidate);
            if (nextOpening.isEmpty()) {
                return Optional.empty();
            }
            candidate = nextOpening.get();
        }
        return Optional.empty();
    }

    /**
     * One sentence for a person: "Allowed: inside the standard window (Tue 10:00–18:00 UTC)." or
     * "Blocked by the weekend freeze until Mon 08:00 UTC; the earliest window for a medium-risk change
     * opens Mon 10:00 UTC (2026-03-09 10:00 UTC)."
     */
    public String explain(Instant at) {
        Verdict verdict = check(at);
        if (verdict.allowed()) {
            return openWindowAt(at)
                    .map(window -> "Allowed: inside " + window.label() + " ("
                            + CalendarText.span(window.schedule().spanAt(at).orElseThrow(), displayZone) + ").")
                    .orElse("Allowed: no freeze applies and " + CalendarText.withArticle(changeLabel)
                            + " may start at any time.");
        }
        List<String> blockedBy = new ArrayList<>();
        for (NamedSchedule freeze : freezes) {
            freeze.schedule().spanAt(at).ifPresent(span -> blockedBy.add(freeze.label() + until(at, span.end())));
        }
        boolean frozen = !blockedBy.isEmpty();
        String problem = frozen
                ? "Blocked by " + String.join(" and by ", blockedBy)
                : "Outside the allowed windows for " + CalendarText.withArticle(changeLabel);
        String forWhom = frozen ? " for " + CalendarText.withArticle(changeLabel) : "";
        return problem + "; " + whatNext(verdict.earliestCompliantStart(), forWhom) + ".";
    }

    private String until(Instant at, Instant end) {
        // spanAt cuts a block at the horizon: an end exactly there means none in sight.
        return end.equals(at.plus(Schedule.HORIZON))
                ? " with no end in the next 3 years"
                : " until " + CalendarText.momentFrom(at, end, displayZone);
    }

    private String whatNext(Optional<Instant> earliest, String forWhom) {
        if (earliest.isEmpty()) {
            return "no compliant start in the next 3 years";
        }
        Instant start = earliest.get();
        String when = CalendarText.momentWithDate(start, displayZone);
        boolean windowOpens = windows.stream()
                .anyMatch(window -> window.schedule().spanAt(start).map(span -> span.start().equals(start)).orElse(false));
        return windowOpens
                ? "the earliest window" + forWhom + " opens " + when
                : "the earliest compliant start" + forWhom + " is " + when;
    }

    private Optional<Instant> nextWindowOpening(Instant after) {
        return windows.stream()
                .flatMap(window -> window.schedule().nextSpanFrom(after).stream())
                .map(TimeSpan::start)
                .min(Comparator.naturalOrder());
    }

    private Optional<Instant> freezeEndAt(Instant at) {
        return freezes.stream()
                .flatMap(freeze -> freeze.schedule().spanAt(at).stream())
                .map(TimeSpan::end)
                .max(Comparator.naturalOrder());
    }

    /** With no windows declared, a change may start at any time. */
    private boolean insideSomeWindow(Instant at) {
        return windows.isEmpty() || openWindowAt(at).isPresent();
    }

    private Optional<NamedSchedule> openWindowAt(Instant at) {
        return windows.stream().filter(window -> window.schedule().spanAt(at).isPresent()).findFirst();
    }
}
