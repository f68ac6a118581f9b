package dev.changebot.slack.view;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.BlockElement;
import dev.changebot.application.ChangeView;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.util.ArrayList;
import java.util.List;

/**
 * The buttons of a change under way: report the next deployment the class's plan asks for
 * ("Deployed to staging", "Deployed to production 25%"), then Done; Rolled back and Failed at any
 * time, each confirmed first since they end the change. While it soaks, only the last two.
 */
final class WorkButtons {

    private WorkButtons() {
    }

    static List<BlockElement> of(ChangeView view) {
        var change = view.change();
        var ref = ChangeRef.of(change.id()).encode();
        var buttons = new ArrayList<BlockElement>();
        if (change.state() == ChangeState.IN_PROGRESS) {
            view.nextDeployment().ifPresent(next -> buttons.add(button(b -> b.actionId(SlackIds.DEPLOYED_BUTTON)
                    .style("primary").text(plainText(Mrkdwn.clip("Deployed to " + next.label(), 75)))
                    .value(SlackIds.deploymentValue(change.id(), next.environment(), next.percent())))));
            buttons.add(button(b -> b.actionId(SlackIds.DONE_BUTTON).text(plainText("Done")).value(ref)
                    .style(view.nextDeployment().isEmpty() ? "primary" : null)));
        }
        buttons.add(button(b -> b.actionId(SlackIds.ROLLED_BACK_BUTTON).text(plainText("Rolled back")).value(ref)
                .confirm(confirm("Mark " + change.id() + " as rolled back?", "Rolled back"))));
        buttons.add(button(b -> b.actionId(SlackIds.FAILED_BUTTON).style("danger").text(plainText("Failed")).value(ref)
                .confirm(confirm("Mark " + change.id() + " as failed?", "Failed"))));
        return buttons;
    }

    private static ConfirmationDialogObject confirm(String title, String yes) {
        return ConfirmationDialogObject.builder().title(plainText(Mrkdwn.clip(title, 100)))
                .text(plainText("This ends the change and aborts a soak in progress; it is recorded in the audit trail."))
                .confirm(plainText(yes)).deny(plainText("Cancel")).build();
    }
}
