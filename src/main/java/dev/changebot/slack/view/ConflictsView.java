package dev.changebot.slack.view;

import dev.changebot.application.query.FindConflicts;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.schedule.Conflict;
import java.util.ArrayList;

/** `/change conflicts CHG-n` as one private message: every conflict with its kind, the other change and the overlap. */
public final class ConflictsView {

    static final int MAX_USER_TEXT = 150;

    private ConflictsView() {
    }

    public static String text(FindConflicts.Found found) {
        var change = found.change();
        if (!change.holdsItsSlot()) {
            return "*" + change.id() + "* is " + change.state().label() + ": it holds no slot on the calendar, so nothing"
                    + " conflicts with it.";
        }
        if (change.window().isEmpty() && found.conflicts().isEmpty()) {
            return "*" + change.id() + "* has no planned start and duration: only a rollout under way on its service"
                    + " could conflict with it, and none is.";
        }
        if (found.conflicts().isEmpty()) {
            return "*" + change.id() + "* " + span(change.window().get()) + ": no conflict with other changes, freezes or"
                    + " the windows of its class.";
        }
        var lines = new ArrayList<String>();
        int count = found.conflicts().size();
        lines.add("*" + change.id() + "* " + change.window().map(ConflictsView::span).orElse("(not scheduled)") + " has "
                + count + (count == 1 ? " conflict:" : " conflicts:"));
        found.conflicts().forEach(c -> lines.add("• " + line(c)));
        lines.add(found.nextFreeSlot().map(slot -> "Next free slot: " + span(slot) + ".")
                .orElse("No free slot of the same length in the next 90 days."));
        return Cut.lines(lines, SlackLimits.MESSAGE_TEXT, n -> "…and " + n + " more.");
    }

    private static String line(Conflict conflict) {
        var what = "*" + conflict.kind().label() + "*";
        var with = conflict.other().map(o -> " with *" + o.id() + "* " + Cut.userText(o.title(), MAX_USER_TEXT) + " ("
                + Mrkdwn.user(o.owner()) + ")").orElse("");
        var rule = conflict.rule().map(r -> ": " + Mrkdwn.escape(r)).orElse("");
        return what + with + rule + " — " + (conflict.kind() == Conflict.Kind.OUTSIDE_WINDOWS ? "planned " : "overlap ")
                + span(conflict.overlap());
    }

    private static String span(TimeSpan span) {
        return Mrkdwn.time(span.start()) + " – " + Mrkdwn.time(span.end());
    }
}
