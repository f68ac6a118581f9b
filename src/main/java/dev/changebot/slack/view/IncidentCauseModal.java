package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.view.View;
import dev.changebot.slack.SlackIds;
import java.util.List;

/** Asks which change caused an incident ("Caused by a change?" on its banner). */
public final class IncidentCauseModal {

    private IncidentCauseModal() {
    }

    /** @param ref the incident, "INC-3", kept in the form's private metadata */
    public static View render(String ref) {
        return view(v -> v.type("modal")
                .callbackId(SlackIds.INCIDENT_CAUSE_MODAL)
                .privateMetadata(ref)
                .title(viewTitle(t -> t.type("plain_text").text(Cut.plain("Cause of " + ref, SlackLimits.MODAL_TITLE))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Link")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(input(i -> i.blockId(SlackIds.CAUSE_CHANGE)
                        .label(plainText("Which change caused it? (CHG-n)"))
                        .element(plainTextInput(p -> p.actionId(SlackIds.INPUT).maxLength(30)))))));
    }
}
