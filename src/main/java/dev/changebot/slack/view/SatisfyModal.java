package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Obligation;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.util.ArrayList;
import java.util.Map;

/** The form that meets a follow-up: one answer per thing the policy asks (what changed, why urgent...). */
public final class SatisfyModal {

    /** How the policy's short names read as questions. */
    private static final Map<String, String> QUESTIONS = Map.of(
            "what_changed", "What changed?",
            "why_urgent", "Why was it urgent?",
            "gates_skipped", "Which gates were skipped, and how are they satisfied now?",
            "link", "Link to the incident, PR or report",
            "went_well", "What went well?",
            "went_wrong", "What went wrong?",
            "action_items", "Action items (who does what, by when)",
            "decision", "What was decided (roll back or fix forward), and why?",
            "status", "Status update: how is it doing?");

    private SatisfyModal() {
    }

    /**
     * Whether the form can name the follow-up it meets: the name comes from the policy file, and
     * rides in the private metadata, which Slack caps at 3,000 characters.
     */
    public static boolean canName(ChangeId changeId, Obligation obligation) {
        return metadata(changeId, obligation).length() <= SlackLimits.PRIVATE_METADATA;
    }

    public static View render(ChangeId changeId, Obligation obligation) {
        var blocks = new ArrayList<LayoutBlock>();
        blocks.add(section(s -> s.text(markdownText("*" + Cut.userText(obligation.label(), 1000) + "* for " + changeId
                + ", due " + Mrkdwn.time(obligation.dueAt()) + "."))));
        var asks = obligation.asks().isEmpty() ? java.util.List.of("notes") : obligation.asks();
        for (var ask : asks) {
            blocks.add(input(i -> i.blockId(SlackIds.ANSWER_PREFIX + ask)
                    .label(plainText(Cut.plain(QUESTIONS.getOrDefault(ask, ask.replace('_', ' ')), SlackLimits.INPUT_LABEL)))
                    .element(plainTextInput(p -> p.actionId(SlackIds.INPUT).multiline(!ask.equals("link")).maxLength(SlackLimits.TEXT_INPUT)))));
        }
        return view(v -> v.type("modal").callbackId(SlackIds.SATISFY_MODAL)
                .privateMetadata(metadata(changeId, obligation))
                .title(viewTitle(t -> t.type("plain_text").text(Cut.plain("Follow-up for " + changeId, SlackLimits.MODAL_TITLE))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Submit")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    private static String metadata(ChangeId changeId, Obligation obligation) {
        return ChangeRef.obligation(changeId, obligation.name()).encode();
    }
}
