package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.changebot.application.query.OpenChangesPage;
import dev.changebot.domain.change.Change;
import dev.changebot.slack.ListCursor;
import dev.changebot.slack.SlackIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The open changes as one ephemeral message, a page at a time: a long list says how many more
 * there are and which command shows the next page, instead of growing past what Slack shows.
 */
public final class ChangeList {

    /** Lines per page; with titles cut to {@link #MAX_TITLE} a page stays well under {@link SlackLimits#MESSAGE_TEXT}. */
    public static final int PER_PAGE = 30;
    static final int MAX_TITLE = 150;
    /** A page is at most 30 lines of at most about 400 characters: 4 sections of 3,000 hold it. */
    static final int MAX_SECTIONS = 10;
    static final String NEXT_BLOCK = "change_list_more";

    private ChangeList() {
    }

    public static String text(OpenChangesPage open) {
        if (open.total().isZero()) {
            return "No open changes. Start one with `/change new`.";
        }
        if (open.changes().isEmpty()) {
            return "No more open changes after that page: `/change list` shows them from the start.";
        }
        var lines = new ArrayList<String>();
        // A count that stopped at its limit knows the page, not how many pages there are.
        lines.add("*Open changes (" + words(open.total()) + ")*" + (open.total().moreThan() ? " — page " + open.page()
                : open.pages() > 1 ? " — page " + open.page() + " of " + open.pages() : ""));
        open.changes().forEach(change -> lines.add(line(change)));
        var after = open.after();
        if (!after.isZero()) {
            lines.add("…and " + words(after) + " more: `/change list " + (open.page() + 1) + "` shows the next "
                    + (after.moreThan() ? PER_PAGE : Math.min(PER_PAGE, after.value())) + ".");
        }
        return Cut.mrkdwn(String.join("\n", lines), SlackLimits.MESSAGE_TEXT);
    }

    /** "65", or "more than 1,000" when counting stopped there. */
    static String words(OpenChangesPage.Count count) {
        return count.moreThan() ? String.format(Locale.ROOT, "more than %,d", count.value()) : Long.toString(count.value());
    }

    /**
     * The same page as blocks, with a Next page button when more follow: the button carries the
     * last number shown (a keyset cursor), so the next page starts right after it.
     */
    public static List<LayoutBlock> blocks(OpenChangesPage open) {
        var blocks = new ArrayList<LayoutBlock>();
        Cut.chunks(List.of(text(open).split("\n")), SlackLimits.SECTION_TEXT, MAX_SECTIONS,
                        n -> "…and " + n + " more.")
                .forEach(chunk -> blocks.add(section(s -> s.text(markdownText(chunk)))));
        if (!open.after().isZero() && !open.changes().isEmpty()) {
            var cursor = new ListCursor(open.changes().get(open.changes().size() - 1).id().number(), open.page() + 1);
            blocks.add(actions(a -> a.blockId(NEXT_BLOCK).elements(List.of(button(b -> b.actionId(SlackIds.LIST_NEXT_BUTTON)
                    .text(plainText("Next page")).value(cursor.encode()))))));
        }
        return blocks;
    }

    private static String line(Change change) {
        return "• *" + change.id() + "* " + Cut.userText(change.details().title(), MAX_TITLE)
                + " · " + change.state().label()
                + (change.details().risk() == null ? " · emergency" : " · " + change.details().risk().label() + " risk")
                + " · starts " + Mrkdwn.time(change.details().proposedStart())
                + " · by " + Mrkdwn.user(change.requesterId());
    }
}
