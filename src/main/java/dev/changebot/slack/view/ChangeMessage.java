package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.util.ArrayList;
import java.util.List;

/** A change as a Slack message: a pure function of the change's state, tested without Slack. */
public final class ChangeMessage {

    /** Header blocks hold at most 150 characters of plain text. */
    static final int MAX_HEADER = 150;

    private ChangeMessage() {
    }

    /** The notification text Slack shows where blocks cannot be; escaped like any mrkdwn. */
    public static String fallbackText(Change change) {
        return change.id() + ": " + Mrkdwn.escape(change.details().title()) + " (" + change.state().label() + ")";
    }

    /** The channel message: the change, its approvals, and buttons while someone can still act. */
    public static List<LayoutBlock> channelBlocks(Change change) {
        var blocks = summaryBlocks(change);
        if (change.state() == ChangeState.PENDING_APPROVAL) {
            var value = ChangeRef.of(change.id()).encode();
            blocks.add(actions(a -> a.blockId("change_actions").elements(List.of(
                    button(b -> b.actionId(SlackIds.APPROVE_BUTTON).style("primary")
                            .text(plainText("Approve")).value(value)),
                    button(b -> b.actionId(SlackIds.REJECT_BUTTON).style("danger")
                            .text(plainText("Reject")).value(value))))));
        }
        return blocks;
    }

    /** The change without buttons, for an ephemeral `/change show`. */
    public static List<LayoutBlock> summaryBlocks(Change change) {
        var d = change.details();
        var blocks = new ArrayList<LayoutBlock>();
        blocks.add(header(h -> h.text(plainText(headerText(change)))));
        List<TextObject> fields = List.of(
                markdownText("*State*\n" + change.state().label()),
                markdownText("*Requested by*\n" + Mrkdwn.user(change.requesterId())),
                markdownText("*Risk*\n" + d.risk().label()),
                markdownText("*Environment*\n" + Mrkdwn.escape(d.environment())),
                markdownText("*Proposed start*\n" + Mrkdwn.time(d.proposedStart())),
                markdownText("*Expected duration*\n" + Mrkdwn.duration(d.expectedDuration())),
                markdownText("*Systems affected*\n" + Mrkdwn.escapeForSection(d.systemsAffected(), 2000)));
        blocks.add(section(s -> s.fields(fields)));
        blocks.add(labelled("Description", d.description()));
        if (d.justification() != null && !d.justification().isBlank()) {
            blocks.add(labelled("Justification", d.justification()));
        }
        blocks.add(labelled("Implementation plan", d.implementationPlan()));
        blocks.add(labelled("Rollback plan", d.rollbackPlan()));
        blocks.add(labelled("Testing evidence", d.testingEvidence()));
        blocks.add(context(c -> c.elements(List.of(markdownText(decisionsLine(change))))));
        return blocks;
    }

    private static String headerText(Change change) {
        return Mrkdwn.clip(change.id() + " · " + change.details().title().strip(), MAX_HEADER);
    }

    private static LayoutBlock labelled(String label, String userText) {
        return section(s -> s.text(markdownText("*" + label + "*\n"
                + Mrkdwn.escapeForSection(userText, label.length() + 3))));
    }

    private static String decisionsLine(Change change) {
        var parts = new ArrayList<String>();
        change.approvals().forEach(a ->
                parts.add(":white_check_mark: Approved by " + Mrkdwn.user(a.approverId()) + " " + Mrkdwn.time(a.approvedAt())));
        change.rejection().ifPresent(r -> parts.add(":x: Rejected by " + Mrkdwn.user(r.rejectedBy()) + " "
                + Mrkdwn.time(r.rejectedAt()) + ": " + Mrkdwn.escapeForSection(r.reason(), 500)));
        if (change.state() == ChangeState.CANCELLED) {
            parts.add(":no_entry_sign: Cancelled by the requester");
        }
        if (parts.isEmpty()) {
            parts.add(":hourglass_flowing_sand: Waiting for an approval from someone other than the requester");
        }
        return String.join("\n", parts);
    }
}
