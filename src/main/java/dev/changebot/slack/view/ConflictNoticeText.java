package dev.changebot.slack.view;

import dev.changebot.domain.notice.NoticeFacts;
import java.time.Instant;
import java.util.ArrayList;

/**
 * The two sides of a conflict found when a change is requested, each told in its change's thread:
 * ":warning: CHG-9 (@Bob) is now planned over this change's window 14:00–15:00 on payments-api", and, in the
 * new change's thread, the changes it is planned over.
 */
final class ConflictNoticeText {

    private ConflictNoticeText() {
    }

    static String plannedOver(NoticeFacts.PlannedOver over) {
        var by = over.by();
        return ":warning: *" + Mrkdwn.escape(by.change()) + "* (" + Mrkdwn.user(by.owner()) + ") is now planned over this"
                + " change's window " + span(by.start(), by.end()) + where(by) + kinds(by) + ". See `/change conflicts "
                + Mrkdwn.escape(by.change()) + "`.";
    }

    /** In the thread of {@code id}, the change just requested. */
    static String plannedOverOthers(dev.changebot.domain.change.ChangeId id, NoticeFacts.PlannedOverOthers others) {
        var lines = new ArrayList<String>();
        lines.add(":warning: This change is planned over " + (others.others().size() + others.more() == 1
                ? "another change's window:" : "other changes' windows:"));
        for (var line : others.others()) {
            lines.add("• *" + Mrkdwn.escape(line.change()) + "* (" + Mrkdwn.user(line.owner()) + ") "
                    + span(line.start(), line.end()) + where(line) + kinds(line));
        }
        if (others.more() > 0) {
            lines.add("…and " + others.more() + " more: see `/change conflicts " + id + "`.");
        }
        return String.join("\n", lines);
    }

    /** "Thu 3 Dec 14:00–15:00", each reader in their own time zone. */
    static String span(Instant start, Instant end) {
        return Mrkdwn.time(start) + "–" + Mrkdwn.clock(end);
    }

    private static String where(NoticeFacts.ConflictLine line) {
        return line.where().isBlank() ? "" : " on " + Cut.userText(line.where(), ConflictsView.MAX_USER_TEXT);
    }

    private static String kinds(NoticeFacts.ConflictLine line) {
        return line.kinds().isEmpty() ? "" : " (" + String.join(", ", line.kinds()) + ")";
    }
}
