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

import com.slack.api.model.view.View;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.util.List;

/** Starting against the calendar: what blocks it, and a justification that is recorded as an exception. */
public final class OverrideModal {

    private OverrideModal() {
    }

    public static View render(ChangeId changeId, String whyBlocked) {
        return view(v -> v.type("modal")
                .callbackId(SlackIds.OVERRIDE_MODAL)
                .privateMetadata(ChangeRef.of(changeId).encode())
                .title(viewTitle(t -> t.type("plain_text").text(Cut.plain("Override for " + changeId, SlackLimits.MODAL_TITLE))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Start anyway")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText(":warning: " + Cut.userText(whyBlocked, SlackLimits.SECTION_TEXT - 200)
                                + "\nStarting now is recorded as an exception to the policy, with your name and reason."))),
                        input(i -> i.blockId(SlackIds.OVERRIDE_JUSTIFICATION)
                                .label(plainText("Why must it start now?"))
                                .element(plainTextInput(p -> p.actionId(SlackIds.INPUT).multiline(true)
                                        .minLength(10).maxLength(2000)))))));
    }
}
