package dev.changebot.slack.change;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.ActionOutcome;
import dev.changebot.application.ApproveChange;
import dev.changebot.slack.ChangeRef;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Approve button. The approver is the signed payload's user, never anything in the button;
 * a refusal is told to that person alone.
 */
@Singleton
public class ApproveButton implements BlockActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApproveButton.class);

    private final ApproveChange approveChange;
    private final AppHome appHome;

    public ApproveButton(ApproveChange approveChange, AppHome appHome) {
        this.approveChange = approveChange;
        this.appHome = appHome;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        var ref = ChangeRef.decode(payload.getActions().get(0).getValue()).filter(r -> r.changeId() != null);
        var userId = payload.getUser().getId();
        var channelId = payload.getChannel() == null ? userId : payload.getChannel().getId();
        if (ref.isEmpty()) {
            Ephemeral.tell(ctx.client(), channelId, userId, "This button is from an older Changebot message; "
                    + "use `/change approve CHG-n` instead.");
            return ctx.ack();
        }
        try {
            var outcome = approveChange.approve(payload.getTeam().getId(), ref.get().changeId(), userId);
            if (!(outcome instanceof ActionOutcome.Done)) {
                Ephemeral.tell(ctx.client(), channelId, userId, Replies.of(outcome, ""));
            }
            if ("view".equals(payload.getContainer() == null ? null : payload.getContainer().getType())) {
                // Clicked on the App Home: show it as it now stands.
                appHome.publish(ctx.client(), payload.getTeam().getId(), userId);
            }
        } catch (RuntimeException e) {
            LOG.error("Could not record an approval of {} by {}", ref.get().changeId(), userId, e);
            Ephemeral.tell(ctx.client(), channelId, userId, Replies.TRY_AGAIN);
        }
        return ctx.ack();
    }
}
