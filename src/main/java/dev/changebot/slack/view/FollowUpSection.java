package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.changebot.application.query.ChangeView;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Obligation;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a change owes afterwards, on its message: each follow-up with its absolute deadline in UTC
 * and in the reader's own time zone, who may meet it, and a button per open one (up to a few).
 */
final class FollowUpSection {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** A button per open follow-up, up to this many; the others are met with `/change satisfy`. */
    static final int MAX_SATISFY_BUTTONS = 4;
    /** Sections the follow-ups may take; past them the follow-ups left out are counted. */
    static final int MAX_OBLIGATION_SECTIONS = 6;
    /**
     * The follow-up's name rides in the button's action id, which Slack caps at 255 characters; in
     * its value (ChangeRef) a name this long fits 2,000 characters even with every character escaped.
     */
    private static final int MAX_NAME_IN_BUTTON = SlackLimits.ACTION_ID - SlackIds.SATISFY_BUTTON.length() - 1;

    private FollowUpSection() {
    }

    /** The "Owed afterwards" sections; {@code nothingOwed} is said when the change owes nothing. */
    static List<LayoutBlock> sections(ChangeView view, boolean withButtons, String nothingOwed) {
        var change = view.change();
        var lines = new ArrayList<String>();
        lines.add("*Owed afterwards*");
        if (change.obligations().isEmpty()) {
            lines.add(nothingOwed);
        } else {
            change.obligations().forEach(o -> lines.add(line(o, view)));
            var open = change.obligations().stream().filter(Obligation::isOpen).map(Obligation::name).toList();
            if (withButtons && open.size() > MAX_SATISFY_BUTTONS) {
                lines.add("Buttons for the first " + MAX_SATISFY_BUTTONS + " open follow-ups; meet the others with `/change satisfy "
                        + change.id() + " &lt;follow-up&gt;`: " + Cut.userText(String.join(", ",
                        open.subList(MAX_SATISFY_BUTTONS, open.size())), SlackLimits.SECTION_TEXT / 2) + ".");
            }
        }
        var blocks = new ArrayList<LayoutBlock>();
        Cut.chunks(lines, SlackLimits.SECTION_TEXT, MAX_OBLIGATION_SECTIONS,
                        n -> "…and " + n + " more follow-ups: `/change satisfy " + change.id() + " &lt;follow-up&gt;` meets any of them.")
                .forEach(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        return blocks;
    }

    /** A "meet it" button per open follow-up, the first few. */
    static List<BlockElement> buttons(ChangeView view) {
        var change = view.change();
        return buttons(change.id(), change.obligations().stream().filter(Obligation::isOpen).toList());
    }

    /** A "meet it" button for each of these follow-ups of the change, the first few. */
    static List<BlockElement> buttons(ChangeId id, List<Obligation> obligations) {
        var buttons = new ArrayList<BlockElement>();
        obligations.stream().filter(o -> o.name().length() <= MAX_NAME_IN_BUTTON).limit(MAX_SATISFY_BUTTONS)
                .forEach(o -> buttons.add(button(b -> b.actionId(SlackIds.SATISFY_BUTTON + ":" + o.name())
                        .text(plainText(Cut.plain(o.label(), SlackLimits.BUTTON_TEXT)))
                        .value(ChangeRef.obligation(id, o.name()).encode()))));
        return buttons;
    }

    private static String line(Obligation o, ChangeView view) {
        var due = "due " + UTC.format(o.dueAt()) + " (" + Mrkdwn.time(o.dueAt()) + " your time)";
        // Who may meet it: the person who gave the verbal approval confirms it; else anyone but the declarer, or anyone.
        var who = o.onlyBy().map(user -> ", by " + Mrkdwn.user(user) + " (who gave the verbal approval)")
                .orElse(roles(o, view) + (o.notDeclarer()
                        ? (view.change().isEmergency() ? ", not by the declarer" : ", not by the requester") : ""));
        return switch (o.status()) {
            case SATISFIED -> ":white_check_mark: *" + Mrkdwn.escape(o.label()) + "* — done by "
                    + Mrkdwn.user(o.satisfiedBy().orElse("")) + " " + o.satisfiedAt().map(Mrkdwn::time).orElse("");
            case OVERDUE -> ":red_circle: *" + Mrkdwn.escape(o.label()) + "* — OVERDUE, was " + due + who;
            case PENDING -> ":white_circle: *" + Mrkdwn.escape(o.label()) + "* — " + due + who;
        };
    }

    /** ", by a Backend Lead or an SRE Lead": who may meet it, when the policy says; nothing when anyone may. */
    private static String roles(Obligation o, ChangeView view) {
        if (o.roles().isEmpty()) {
            return "";
        }
        return ", by " + String.join(" or ", o.roles().stream().map(view::roleLabel).map(Mrkdwn::escape).toList());
    }
}
