package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.input;
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

/** Asks why a change is rejected: a rejection without a reason helps nobody. */
public final class RejectReasonModal {

    private RejectReasonModal() {
    }

    public static View render(ChangeId changeId) {
        return view(v -> v.type("modal")
                .callbackId(SlackIds.REJECT_MODAL)
                .privateMetadata(ChangeRef.of(changeId).encode())
                .title(viewTitle(t -> t.type("plain_text").text(Cut.plain("Reject " + changeId, SlackLimits.MODAL_TITLE))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(input(i -> i.blockId(SlackIds.REASON)
                        .label(plainText("Why are you rejecting it?"))
                        .element(plainTextInput(p -> p.actionId(SlackIds.INPUT).multiline(true).maxLength(2000)))))));
    }
}
