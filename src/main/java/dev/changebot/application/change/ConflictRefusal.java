package dev.changebot.application.change;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.FieldProblem;
import dev.changebot.domain.schedule.Conflict;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a request of a {@code conflicts: block} class is refused, as an error under its proposed start: the
 * conflicts and the next free slot, in plain text (Slack shows a form's errors as they are written).
 */
final class ConflictRefusal {

    /** Conflicts named in the error; `/change conflicts` cannot list them (nothing is recorded), so the count is said. */
    static final int MAX_LISTED = 4;
    private static final int MAX_TITLE = 60;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private ConflictRefusal() {
    }

    /**
     * Whether the conflict refuses a request of a blocking class. Outside the windows does not: the policy's
     * own check of the start (which knows fallback windows) has already judged that.
     */
    static boolean blocks(Conflict conflict) {
        return conflict.kind() != Conflict.Kind.OUTSIDE_WINDOWS;
    }

    static FieldProblem of(List<Conflict> conflicts, java.util.Optional<TimeSpan> nextFreeSlot) {
        var parts = new ArrayList<String>();
        conflicts.stream().limit(MAX_LISTED).forEach(c -> parts.add(describe(c)));
        if (conflicts.size() > MAX_LISTED) {
            parts.add("and " + (conflicts.size() - MAX_LISTED) + " more");
        }
        var text = "This class refuses a change that conflicts with what is planned: " + String.join("; ", parts) + ". "
                + nextFreeSlot.map(slot -> "Next free slot: " + span(slot) + ".")
                        .orElse("No free slot of the same length in the next 90 days.");
        return new FieldProblem(ChangeField.PROPOSED_START, text);
    }

    private static String describe(Conflict conflict) {
        var with = conflict.other().map(o -> " with " + o.id() + " \"" + cut(o.title()) + "\"").orElse("");
        var rule = conflict.rule().map(r -> " (" + cut(r) + ")").orElse("");
        return conflict.kind().label() + with + rule + ", " + span(conflict.overlap());
    }

    /** "Thu 2026-12-03 14:00–15:00 UTC", or both days when it ends on another. */
    static String span(TimeSpan span) {
        boolean sameDay = span.start().atZone(ZoneOffset.UTC).toLocalDate()
                .equals(span.end().atZone(ZoneOffset.UTC).toLocalDate());
        return DAY_TIME.format(span.start()) + "–" + (sameDay ? TIME.format(span.end()) : DAY_TIME.format(span.end()))
                + " UTC";
    }

    private static String cut(String text) {
        var plain = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return plain.length() <= MAX_TITLE ? plain : plain.substring(0, MAX_TITLE - 1) + "…";
    }
}
