package dev.changebot.slack.inbound;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.change.ActionOutcome;
import dev.changebot.application.change.ChangeService;
import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.slack.ChangeRef;
import jakarta.inject.Singleton;

/**
 * The Approve button (and, once the work is under way, Approve rollback where the policy asks an
 * approval before a rollback). The approver is the signed payload's user, never anything in the
 * button; a refusal is told to that person alone.
 */
@Singleton
public class ApproveButton implements BlockActionHandler {

    private final ChangeService service;
    private final AppHome appHome;
    private final ButtonPlacement placement;

    public ApproveButton(ChangeService service, AppHome appHome, ButtonPlacement placement) {
        this.service = service;
        this.appHome = appHome;
        this.placement = placement;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        return approve(req, ctx, false);
    }

    /** Approve rollback: the approval the policy asks before a rollback of the change. */
    public Response rollback(BlockActionRequest req, ActionContext ctx) {
        return approve(req, ctx, true);
    }

    private Response approve(BlockActionRequest req, ActionContext ctx, boolean rollback) {
        var click = ButtonClick.of(req.getPayload());
        // Where the click sits is checked by the approval itself, on the change it locks: one read, not two.
        placement.readable(click, ctx.client(), ChangeRef::namesChange, "`/change approve CHG-n`").ifPresent(ref -> {
            var outcome = service.run(click.teamId(), ref.changeId(), click.userId(), new ChangeCommand.Approve(ApprovalVia.BUTTON, rollback),
                    placement.onItsMessage(click));
            if (!(outcome instanceof ActionOutcome.Done)) {
                Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), Replies.of(outcome, ""));
            }
            if (click.onHome()) {
                // Clicked on the App Home: show it as it now stands.
                appHome.publish(ctx.client(), click.teamId(), click.userId());
            }
        });
        return ctx.ack();
    }
}
