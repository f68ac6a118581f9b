package dev.changebot.slack.view;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.BlockElement;
import dev.changebot.application.query.ChangeView;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.approval.StageApprovals;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.util.ArrayList;
import java.util.List;

/**
 * The buttons a change offers wherever it is shown (its message, the App Home), by state: Approve
 * / Reject while it waits; Start once approved; under way, the next deployment the class's plan
 * asks for ("Deployed to staging", "Deployed to production 25%"), then Done, with Rolled back and
 * Failed at any time, each confirmed first since they end the change (while it soaks, only those two);
 * while an approval the policy asks during the deployment is due, its button ("Approve production
 * deployment", "Approve rollback").
 */
final class ChangeButtons {

    private ChangeButtons() {
    }

    /** The buttons of a normal change in its current state; none once nobody can act. */
    static List<BlockElement> of(ChangeView view) {
        var change = view.change();
        var value = ChangeRef.of(change.id()).encode();
        switch (change.state()) {
            case PENDING_APPROVAL:
                return review(change.id());
            case APPROVED:
                return List.of(button(b -> b.actionId(SlackIds.START_BUTTON).style("primary").text(plainText("Start"))
                        .value(value)));
            case IN_PROGRESS:
            case SOAKING:
                return work(view);
            default:
                return List.of();
        }
    }

    /** Approve and Reject, for any change waiting for approval (an emergency too, where its policy asks). */
    static List<BlockElement> review(ChangeId id) {
        var value = ChangeRef.of(id).encode();
        return List.of(button(b -> b.actionId(SlackIds.APPROVE_BUTTON).style("primary").text(plainText("Approve")).value(value)),
                button(b -> b.actionId(SlackIds.REJECT_BUTTON).style("danger").text(plainText("Reject")).value(value)));
    }

    private static List<BlockElement> work(ChangeView view) {
        var change = view.change();
        var ref = ChangeRef.of(change.id()).encode();
        var buttons = new ArrayList<BlockElement>();
        // An approval due before the next stage comes first: nothing goes further without it.
        var waiting = view.stageApprovals().stream().filter(StageApprovals.Status::waiting).toList();
        waiting.stream().filter(s -> !s.approval().beforeRollback()).findFirst().ifPresent(due ->
                buttons.add(button(b -> b.actionId(SlackIds.APPROVE_BUTTON).style("primary")
                        .text(plainText(Cut.plain("Approve " + due.approval().before() + " deployment", SlackLimits.BUTTON_TEXT)))
                        .value(ref))));
        if (change.state() == ChangeState.IN_PROGRESS) {
            view.nextDeployment().ifPresent(next -> {
                var deployed = ChangeRef.deployment(change.id(), next.environment(), next.percent()).encode();
                // An environment whose name no button value holds is reported with `/change deployed`.
                if (deployed.length() <= SlackLimits.BUTTON_VALUE) {
                    buttons.add(button(b -> b.actionId(SlackIds.DEPLOYED_BUTTON).style("primary")
                            .text(plainText(Cut.plain("Deployed to " + next.label(), SlackLimits.BUTTON_TEXT)))
                            .value(deployed)));
                }
            });
            buttons.add(button(b -> b.actionId(SlackIds.DONE_BUTTON).text(plainText("Done")).value(ref)
                    .style(view.nextDeployment().isEmpty() ? "primary" : null)));
        }
        if (waiting.stream().anyMatch(s -> s.approval().beforeRollback())) {
            buttons.add(button(b -> b.actionId(SlackIds.APPROVE_ROLLBACK_BUTTON).text(plainText("Approve rollback"))
                    .value(ref)));
        }
        buttons.add(button(b -> b.actionId(SlackIds.ROLLED_BACK_BUTTON).text(plainText("Rolled back")).value(ref)
                .confirm(confirm("Mark " + change.id() + " as rolled back?", "Rolled back"))));
        buttons.add(button(b -> b.actionId(SlackIds.FAILED_BUTTON).style("danger").text(plainText("Failed")).value(ref)
                .confirm(confirm("Mark " + change.id() + " as failed?", "Failed"))));
        return buttons;
    }

    private static ConfirmationDialogObject confirm(String title, String yes) {
        return ConfirmationDialogObject.builder().title(plainText(Cut.plain(title, SlackLimits.CONFIRM_TITLE)))
                .text(plainText("This ends the change and aborts a soak in progress; it is recorded in the audit trail."))
                .confirm(plainText(yes)).deny(plainText("Cancel")).build();
    }
}
