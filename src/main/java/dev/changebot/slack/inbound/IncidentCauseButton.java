package dev.changebot.slack.inbound;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.slack.view.IncidentCauseModal;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Caused by a change?" on an incident's banner opens a form for the change; the link is made when it is submitted. */
@Singleton
public class IncidentCauseButton implements BlockActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentCauseButton.class);

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var actions = req.getPayload().getActions();
        var ref = actions == null || actions.isEmpty() ? null : actions.get(0).getValue();
        if (ref == null || !ref.matches("INC-\\d{1,18}")) {
            return ctx.ack();
        }
        try {
            // The trigger id is valid for 3 seconds: the modal opens here, before the ack.
            var response = ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId())
                    .view(IncidentCauseModal.render(ref)));
            if (!response.isOk()) {
                LOG.warn("Slack refused to open the incident cause form: {}", response.getError());
            }
        } catch (Exception e) {
            LOG.warn("Could not open the incident cause form", e);
        }
        return ctx.ack();
    }
}
