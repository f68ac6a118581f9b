package dev.changebot.slack.view;

import dev.changebot.application.query.OpenChangesPage;
import dev.changebot.domain.change.Change;
import java.util.ArrayList;

/**
 * The open changes as one ephemeral message, a page at a time: a long list says how many more
 * there are and which command shows the next page, instead of growing past what Slack shows.
 */
public final class ChangeList {

    /** Lines per page; with titles cut to {@link #MAX_TITLE} a page stays well under {@link SlackLimits#MESSAGE_TEXT}. */
    public static final int PER_PAGE = 30;
    static final int MAX_TITLE = 150;

    private ChangeList() {
    }

    public static String text(OpenChangesPage open) {
        if (open.total() == 0) {
            return "No open changes. Start one with `/change new`.";
        }
        var lines = new ArrayList<String>();
        lines.add("*Open changes (" + open.total() + ")*"
                + (open.pages() > 1 ? " — page " + open.page() + " of " + open.pages() : ""));
        open.changes().forEach(change -> lines.add(line(change)));
        long after = open.after();
        if (after > 0) {
            lines.add("…and " + after + " more: `/change list " + (open.page() + 1) + "` shows the next "
                    + Math.min(PER_PAGE, after) + ".");
        }
        return Cut.mrkdwn(String.join("\n", lines), SlackLimits.MESSAGE_TEXT);
    }

    private static String line(Change change) {
        return "• *" + change.id() + "* " + Cut.userText(change.details().title(), MAX_TITLE)
                + " · " + change.state().label()
                + (change.details().risk() == null ? " · emergency" : " · " + change.details().risk().label() + " risk")
                + " · starts " + Mrkdwn.time(change.details().proposedStart())
                + " · by " + Mrkdwn.user(change.requesterId());
    }
}
