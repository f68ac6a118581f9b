package dev.changebot.slack.view;

import dev.changebot.application.metrics.MonthSoFar;
import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import dev.changebot.application.query.ChangeView;
import dev.changebot.application.query.HomeOverview;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Obligation;
import dev.changebot.slack.SlackIds;
import java.util.ArrayList;
import java.util.List;

/** The App Home tab: a pure function of one person's overview, with the buttons that act on each item. */
public final class HomeTab {

    /**
     * A Home view holds at most 100 blocks: 4 headers and 3 dividers, per list of changes two blocks a
     * change and one saying how many more (33 each), the follow-ups (two blocks a change and one saying how
     * many more: 11) and the freezes' sections (at most 3): 87; the month so far (a divider, a header, a
     * section) and the next 7 days (a divider, a header and at most {@link CalendarView#HOME_SECTIONS}
     * sections): 96.
     */
    public static final int MAX_CHANGES_PER_LIST = 16;
    /** Changes shown with the follow-ups the viewer may record; the others are counted. */
    public static final int MAX_FOLLOW_UPS = 5;
    static final int MAX_FREEZE_SECTIONS = 3;
    /** A title or freeze reason is cut here in the Home; the change's message shows it whole. */
    static final int MAX_USER_TEXT = 300;

    private HomeTab() {
    }

    public static View render(HomeOverview.Home home) {
        return render(home, java.util.Optional.empty());
    }

    /** As above, with this month's numbers so far when they have been computed. */
    public static View render(HomeOverview.Home home, java.util.Optional<MonthSoFar.Summary> month) {
        return render(home, month, java.util.Optional.empty());
    }

    /** As above, with the change calendar of the next 7 days in the reader's zone, when it could be read. */
    public static View render(HomeOverview.Home home, java.util.Optional<MonthSoFar.Summary> month,
                              java.util.Optional<dev.changebot.domain.schedule.ChangeCalendar> nextDays) {
        var blocks = new ArrayList<LayoutBlock>();
        blocks.add(header(h -> h.text(plainText("Awaiting your approval"))));
        list(blocks, home.awaitingMe(), "Nothing waits for you.", true);
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText("Your open changes"))));
        // The viewer's own changes carry no Approve or Reject: if the policy lets them approve one, it is
        // listed above, among those awaiting them.
        list(blocks, home.mine(), "You have no open changes. `/change new` starts one.", false);
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText("Follow-ups you can record"))));
        followUps(blocks, home.followUps());
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText("Freezes, now and in the next 14 days"))));
        if (home.freezes().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("No freeze in sight."))));
        }
        var freezes = home.freezes().stream().map(f -> ":snowflake: *" + Cut.userText(f.label(), MAX_USER_TEXT)
                + "* from " + Mrkdwn.time(f.span().start())
                + (f.untilLifted() ? " until lifted" : " to " + Mrkdwn.time(f.span().end()))).toList();
        Cut.chunks(freezes, SlackLimits.SECTION_TEXT, MAX_FREEZE_SECTIONS,
                        n -> "…and " + n + " more. `/change freeze list` shows the declared freezes.")
                .forEach(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        nextDays.ifPresent(calendar -> {
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText("The next 7 days (" + calendar.zone().getId() + ")"))));
            CalendarView.homeSections(calendar).forEach(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        });
        month.ifPresent(summary -> {
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText("This month so far (" + summary.report().window().label() + ")"))));
            blocks.add(section(s -> s.text(markdownText(HomeMonth.text(summary)))));
        });
        return Views.view(v -> v.type("home").blocks(blocks));
    }

    private static void list(List<LayoutBlock> blocks, HomeOverview.Listing listing, String none, boolean review) {
        var changes = listing.shown();
        if (changes.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(none))));
            return;
        }
        changes.stream().limit(MAX_CHANGES_PER_LIST).forEach(view -> {
            var change = view.change();
            var step = view.ladder().current().map(s -> " · " + s.describe()).orElse("");
            blocks.add(section(s -> s.text(markdownText(Cut.mrkdwn("*" + change.id() + "* "
                    + Cut.userText(change.details().title(), MAX_USER_TEXT)
                    + "\n" + Mrkdwn.escape(view.classLabel()) + " · " + change.state().label() + Mrkdwn.escape(step)
                    + " · starts " + Mrkdwn.time(change.details().proposedStart()), SlackLimits.SECTION_TEXT)))));
            var buttons = buttons(view).stream().filter(b -> review || !isReview(b)).toList();
            if (!buttons.isEmpty()) {
                blocks.add(actions(a -> a.elements(buttons)));
            }
        });
        long more = listing.total() - Math.min(changes.size(), MAX_CHANGES_PER_LIST);
        if (more > 0) {
            var count = (listing.atLeast() ? "at least " : "") + more;
            blocks.add(section(s -> s.text(markdownText("…and " + count + " more. `/change list` shows every open change."))));
        }
    }

    /** Each change with the follow-ups the viewer may record, their deadlines and a button each (the first few). */
    private static void followUps(List<LayoutBlock> blocks, HomeOverview.FollowUps followUps) {
        var shown = followUps.shown();
        if (shown.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("No follow-up waits for you."))));
            return;
        }
        shown.stream().limit(MAX_FOLLOW_UPS).forEach(followUp -> {
            var change = followUp.view().change();
            var owed = followUp.mayRecord().stream().map(o -> o.status() == Obligation.Status.OVERDUE
                    ? ":red_circle: " + Mrkdwn.escape(o.label()) + " — OVERDUE since " + Mrkdwn.time(o.dueAt())
                    : ":white_circle: " + Mrkdwn.escape(o.label()) + " — due " + Mrkdwn.time(o.dueAt())).toList();
            blocks.add(section(s -> s.text(markdownText(Cut.mrkdwn("*" + change.id() + "* "
                    + Cut.userText(change.details().title(), MAX_USER_TEXT) + " · " + change.state().label()
                    + "\n" + String.join("\n", owed), SlackLimits.SECTION_TEXT)))));
            var buttons = FollowUpSection.buttons(change.id(), followUp.mayRecord());
            if (!buttons.isEmpty()) {
                blocks.add(actions(a -> a.elements(buttons)));
            }
        });
        long more = followUps.total() - Math.min(shown.size(), MAX_FOLLOW_UPS);
        if (more > 0) {
            var count = (followUps.atLeast() ? "at least " : "") + more;
            blocks.add(section(s -> s.text(markdownText("…and " + count + " more changes owe follow-ups you can record;"
                    + " `/change satisfy CHG-n &lt;follow-up&gt;` records one."))));
        }
    }

    private static boolean isReview(BlockElement element) {
        return element instanceof ButtonElement button
                && (SlackIds.APPROVE_BUTTON.equals(button.getActionId()) || SlackIds.REJECT_BUTTON.equals(button.getActionId()));
    }

    /** A normal change has the same buttons here as on its message; an emergency only its approval. */
    private static List<BlockElement> buttons(ChangeView view) {
        var change = view.change();
        if (change.isEmergency()) {
            return change.state() == ChangeState.PENDING_APPROVAL ? ChangeButtons.review(change.id()) : List.of();
        }
        return ChangeButtons.of(view);
    }
}
