package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.changebot.application.query.ChangeView;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Obligation;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An emergency change's message: what was declared, by whom, and what it owes ({@link FollowUpSection}).
 */
final class EmergencyMessage {

    private EmergencyMessage() {
    }

    static List<LayoutBlock> blocks(ChangeView view, boolean withButtons) {
        var change = view.change();
        // Some policies let an emergency proceed only with an approval (POL-012: "proceed with 1 approval").
        boolean approvedFirst = !view.ladder().steps().isEmpty();
        var blocks = new ArrayList<LayoutBlock>();
        var title = change.details().title().strip();
        var headline = ":rotating_light: Emergency " + change.id() + " · " + title;
        blocks.add(header(h -> h.text(plainText(Cut.plain(headline, ChangeMessage.MAX_HEADER)))));
        if (headline.length() > ChangeMessage.MAX_HEADER) {
            // The summary is all the declarer wrote: what the header cannot hold is shown below it.
            var prefix = "*Summary*\n";
            blocks.add(section(s -> s.text(markdownText(prefix + Cut.userText(title, SlackLimits.SECTION_TEXT - prefix.length())))));
        }
        blocks.add(section(s -> s.text(markdownText("*State:* " + change.state().label()
                + "\n*Declared by* " + Mrkdwn.user(change.requesterId()) + " " + Mrkdwn.time(change.requestedAt())
                + "\n*Incident commander:* " + Mrkdwn.user(change.incidentCommander().orElse(change.requesterId()))
                + (approvedFirst ? " (work starts once the approvals below are in)"
                        : " (work started at once, with no approval before it)")))));
        PipelineLine.of(view).ifPresent(blocks::add);
        if (approvedFirst) {
            blocks.addAll(ApprovalLadder.sections(view));
        }
        if (!wentAhead(change)) {
            blocks.add(section(s -> s.text(markdownText("*Owed afterwards*\nNothing: the emergency did not go ahead."))));
        } else {
            blocks.addAll(FollowUpSection.sections(view, withButtons, "Nothing: the policy sets no follow-ups."));
        }
        if (withButtons) {
            var buttons = buttons(view);
            if (!buttons.isEmpty()) {
                blocks.add(actions(a -> a.blockId("emergency_actions").elements(buttons)));
            }
        }
        return blocks;
    }

    /** Rejected or withdrawn while it waited for approval: nothing was done, so nothing is owed. */
    private static boolean wentAhead(dev.changebot.domain.change.Change change) {
        return change.state() != ChangeState.REJECTED && change.state() != ChangeState.CANCELLED;
    }

    private static List<BlockElement> buttons(ChangeView view) {
        var change = view.change();
        var buttons = new ArrayList<BlockElement>();
        if (change.state() == ChangeState.PENDING_APPROVAL) {
            buttons.addAll(ChangeButtons.review(change.id()));
        }
        if (change.state() == ChangeState.IN_PROGRESS) {
            buttons.add(button(b -> b.actionId(SlackIds.RESOLVE_BUTTON).style("primary").text(plainText("Resolve"))
                    .value(ChangeRef.of(change.id()).encode())));
        }
        if (wentAhead(change)) {
            buttons.addAll(FollowUpSection.buttons(view));
        }
        return buttons;
    }
}
