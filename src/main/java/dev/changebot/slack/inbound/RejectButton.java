package dev.changebot.slack.inbound;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.view.RejectReasonModal;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Reject button opens a modal for the reason; the rules run when it is submitted. */
@Singleton
public class RejectButton implements BlockActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RejectButton.class);

    private final ButtonPlacement placement;

    public RejectButton(ButtonPlacement placement) {
        this.placement = placement;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var click = ButtonClick.of(req.getPayload());
        var ref = placement.target(click, ctx.client(), ChangeRef::namesChange, "`/change reject CHG-n &lt;reason&gt;`");
        if (ref.isEmpty()) {
            return ctx.ack();
        }
        try {
            // The trigger id is valid for 3 seconds: the modal opens here, before the ack.
            var response = ctx.client().viewsOpen(r -> r.triggerId(click.triggerId())
                    .view(RejectReasonModal.render(ref.get().changeId())));
            if (!response.isOk()) {
                LOG.warn("Slack refused to open the rejection form: {}", response.getError());
            }
        } catch (Exception e) {
            LOG.warn("Could not open the rejection form", e);
        }
        return ctx.ack();
    }
}
