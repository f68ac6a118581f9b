package dev.changebot.slack.view;

import dev.changebot.domain.change.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * The open changes as one ephemeral message, a page at a time: a long list says how many more
 * there are and which command shows the next page, instead of growing past what Slack shows.
 */
public final class ChangeList {

    /** Lines per page; with titles cut to {@link #MAX_TITLE} a page stays well under {@link SlackLimits#MESSAGE_TEXT}. */
    static final int PER_PAGE = 30;
    static final int MAX_TITLE = 150;

    private ChangeList() {
    }

    public static String text(List<Change> open) {
        return text(open, 1);
    }

    public static String text(List<Change> open, int page) {
        if (open.isEmpty()) {
            return "No open changes. Start one with `/change new`.";
        }
        int pages = (open.size() + PER_PAGE - 1) / PER_PAGE;
        int shown = Math.min(Math.max(page, 1), pages);
        int from = (shown - 1) * PER_PAGE;
        int to = Math.min(open.size(), from + PER_PAGE);
        var lines = new ArrayList<String>();
        lines.add("*Open changes (" + open.size() + ")*" + (pages > 1 ? " — page " + shown + " of " + pages : ""));
        open.subList(from, to).forEach(change -> lines.add(line(change)));
        int after = open.size() - to;
        if (after > 0) {
            lines.add("…and " + after + " more: `/change list " + (shown + 1) + "` shows the next "
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
