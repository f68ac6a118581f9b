package dev.changebot.slack.view;

import dev.changebot.domain.change.Change;
import java.util.List;
import java.util.stream.Collectors;

/** The open changes as one ephemeral message. */
public final class ChangeList {

    /** An ephemeral response holds a few dozen lines comfortably; the rest are counted, not shown. */
    static final int MAX_LINES = 50;

    private ChangeList() {
    }

    public static String text(List<Change> open) {
        if (open.isEmpty()) {
            return "No open changes. Start one with `/change new`.";
        }
        var lines = open.stream().limit(MAX_LINES).map(ChangeList::line).collect(Collectors.joining("\n"));
        var more = open.size() > MAX_LINES ? "\n…and " + (open.size() - MAX_LINES) + " more." : "";
        return "*Open changes (" + open.size() + ")*\n" + lines + more;
    }

    private static String line(Change change) {
        return "• *" + change.id() + "* " + Mrkdwn.escape(change.details().title())
                + " · " + change.state().label()
                + (change.details().risk() == null ? " · emergency" : " · " + change.details().risk().label() + " risk")
                + " · starts " + Mrkdwn.time(change.details().proposedStart())
                + " · by " + Mrkdwn.user(change.requesterId());
    }
}
