package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.changebot.application.query.ChangeView;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** A change as a Slack message: a pure function of the change's state, tested without Slack. */
public final class ChangeMessage {

    static final int MAX_HEADER = SlackLimits.HEADER_TEXT;
    /** The notification text is what a phone shows: the title is cut well before Slack's limit. */
    static final int MAX_FALLBACK_TITLE = 300;

    /** The free-text fields shown as sections, in reading order; each only when given. */
    private static final Map<ChangeField, String> TEXT_SECTIONS = orderedSections();

    private ChangeMessage() {
    }

    /** The notification text Slack shows where blocks cannot be; escaped like any mrkdwn. */
    public static String fallbackText(Change change) {
        return change.id() + ": " + Cut.userText(change.details().title(), MAX_FALLBACK_TITLE)
                + " (" + change.state().label() + ")";
    }

    /** The channel message: the change, its approval ladder, and buttons while someone can still act. */
    public static List<LayoutBlock> channelBlocks(ChangeView view) {
        var change = view.change();
        if (change.isEmergency()) {
            return EmergencyMessage.blocks(view, true);
        }
        var blocks = summaryBlocks(view);
        var buttons = new ArrayList<>(ChangeButtons.of(view));
        buttons.addAll(FollowUpSection.buttons(view));
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("change_actions").elements(buttons)));
        }
        return blocks;
    }

    /** The change without buttons, for an ephemeral `/change show`. */
    public static List<LayoutBlock> summaryBlocks(ChangeView view) {
        var change = view.change();
        if (change.isEmergency()) {
            return EmergencyMessage.blocks(view, false);
        }
        var d = change.details();
        var blocks = new ArrayList<LayoutBlock>();
        blocks.add(header(h -> h.text(plainText(headerText(change)))));
        var fields = new ArrayList<TextObject>(List.of(
                field("State", change.state().label()),
                field("Class", Mrkdwn.escape(view.classLabel())),
                field("Requested by", Mrkdwn.user(change.requesterId())),
                field("Risk", d.risk().label()),
                field("Environment", Mrkdwn.escape(d.environment())),
                field("Proposed start", Mrkdwn.time(d.proposedStart())),
                field("Expected duration", Mrkdwn.duration(d.expectedDuration())),
                field("Systems affected", d.systemsAffected() == null || d.systemsAffected().isBlank()
                        ? "—" : Mrkdwn.escape(d.systemsAffected()))));
        // Nine fields at most: a section holds ten.
        view.serviceLabel().ifPresent(service -> fields.add(1, field("Service", Mrkdwn.escape(service))));
        blocks.add(section(s -> s.fields(fields)));
        PipelineLine.of(view).ifPresent(blocks::add);
        ConflictLine.of(view).ifPresent(blocks::add);
        // Its row of the approval matrix: whose approvals the ladder below asks for, and why.
        d.changeType().ifPresent(type -> blocks.add(labelled("Type of change", type)));
        for (var field : TEXT_SECTIONS.entrySet()) {
            var text = d.text(field.getKey());
            if (text != null && !text.isBlank()) {
                blocks.add(labelled(field.getValue(), text));
            }
        }
        blocks.addAll(ApprovalLadder.sections(view));
        // Owed after an event of its work (a post-mortem after a rollback): shown once there is any.
        if (!change.obligations().isEmpty()) {
            blocks.addAll(FollowUpSection.sections(view, true, ""));
        }
        return blocks;
    }

    private static Map<ChangeField, String> orderedSections() {
        var sections = new LinkedHashMap<ChangeField, String>();
        sections.put(ChangeField.DESCRIPTION, "Description");
        sections.put(ChangeField.JUSTIFICATION, "Justification");
        sections.put(ChangeField.IMPLEMENTATION_PLAN, "Implementation plan");
        sections.put(ChangeField.ROLLBACK_PLAN, "Rollback plan");
        sections.put(ChangeField.TESTING_EVIDENCE, "Testing evidence");
        sections.put(ChangeField.ESTIMATED_DOWNTIME, "Estimated downtime");
        sections.put(ChangeField.RISK_ASSESSMENT, "Risk assessment");
        sections.put(ChangeField.SUCCESS_CRITERIA, "Success criteria");
        sections.put(ChangeField.DESIGN_DOC, "Design record");
        sections.put(ChangeField.COMMUNICATION_PLAN, "Communication plan");
        sections.put(ChangeField.MONITORING_PLAN, "Monitoring plan");
        return Collections.unmodifiableMap(sections);
    }

    private static String headerText(Change change) {
        return Cut.plain(change.id() + " · " + change.details().title().strip(), MAX_HEADER);
    }

    /** One of the section's fields: a label and its (escaped) value, within a field's 2,000 characters. */
    private static TextObject field(String label, String mrkdwn) {
        return markdownText(Cut.mrkdwn("*" + label + "*\n" + mrkdwn, SlackLimits.FIELD_TEXT));
    }

    private static LayoutBlock labelled(String label, String userText) {
        var prefix = "*" + label + "*\n";
        return section(s -> s.text(markdownText(prefix + Cut.userText(userText, SlackLimits.SECTION_TEXT - prefix.length()))));
    }

}
