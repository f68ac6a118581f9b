package dev.changebot.slack.view;

import dev.changebot.application.port.DeclaredFreezes;
import java.util.ArrayList;
import java.util.List;

/** The declared freezes in force or coming, as one ephemeral message, a page at a time like {@link ChangeList}. */
public final class FreezeList {

    static final int PER_PAGE = 30;
    /** A reason is cut here in the list; a page of them stays well under {@link SlackLimits#MESSAGE_TEXT}. */
    static final int MAX_REASON = 200;

    private FreezeList() {
    }

    public static String text(List<DeclaredFreezes.Declared> freezes) {
        return text(freezes, 1);
    }

    public static String text(List<DeclaredFreezes.Declared> freezes, int page) {
        if (freezes.isEmpty()) {
            return "No declared freeze is in force. The policy's own freezes (weekends, holidays...) still apply.";
        }
        int pages = (freezes.size() + PER_PAGE - 1) / PER_PAGE;
        int shown = Math.min(Math.max(page, 1), pages);
        int from = (shown - 1) * PER_PAGE;
        int to = Math.min(freezes.size(), from + PER_PAGE);
        var lines = new ArrayList<String>();
        lines.add("*Declared freezes*" + (pages > 1 ? " (" + freezes.size() + ") — page " + shown + " of " + pages : ""));
        freezes.subList(from, to).forEach(f -> lines.add("• " + Cut.userText(f.reason(), MAX_REASON) + " — by "
                + Mrkdwn.user(f.declaredBy()) + ", from " + Mrkdwn.time(f.startsAt())
                + f.endsAt().map(e -> " until " + Mrkdwn.time(e)).orElse(" until lifted")));
        int after = freezes.size() - to;
        if (after > 0) {
            lines.add("…and " + after + " more: `/change freeze list " + (shown + 1) + "` shows the next "
                    + Math.min(PER_PAGE, after) + ".");
        }
        return Cut.mrkdwn(String.join("\n", lines), SlackLimits.MESSAGE_TEXT);
    }
}
