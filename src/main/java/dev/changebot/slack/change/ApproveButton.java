package dev.changebot.slack.change;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.ActionOutcome;
import dev.changebot.application.ApproveChange;
import dev.changebot.slack.ChangeRef;
import jakarta.inject.Singleton;

/**
 * The Approve button. The approver is the signed payload's user, never anything in the button;
 * a refusal is told to that person alone.
 */
@Singleton
public class ApproveButton implements BlockActionHandler {

    private final ApproveChange approveChange;
    private final AppHome appHome;
    private final ButtonPlacement placement;

    public ApproveButton(ApproveChange approveChange, AppHome appHome, ButtonPlacement placement) {
        this.approveChange = approveChange;
        this.appHome = appHome;
        this.placement = placement;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var click = ButtonClick.of(req.getPayload());
        var ref = ChangeRef.decode(click.value()).filter(r -> r.changeId() != null);
        if (ref.isEmpty()) {
            Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), "This button is from an older Changebot message; "
                    + "use `/change approve CHG-n` instead.");
            return ctx.ack();
        }
        var id = ref.get().changeId();
        try {
            var refusal = placement.refusal(click, id);
            if (refusal.isPresent()) {
                Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), refusal.get());
                return ctx.ack();
            }
            var outcome = approveChange.approve(click.teamId(), id, click.userId());
            if (!(outcome instanceof ActionOutcome.Done)) {
                Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), Replies.of(outcome, ""));
            }
            if (click.onHome()) {
                // Clicked on the App Home: show it as it now stands.
                appHome.publish(ctx.client(), click.teamId(), click.userId());
            }
        } catch (RuntimeException e) {
            Ephemeral.tell(ctx.client(), click.channelId(), click.userId(),
                    Failures.tell("record an approval of " + id + " by " + click.userId(), e));
        }
        return ctx.ack();
    }
}
