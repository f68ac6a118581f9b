package dev.changebot.slack.change;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.slack.ChangeRef;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Start button on an approved change. */
@Singleton
public class StartButton implements BlockActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StartButton.class);

    private final StartFlow flow;

    public StartButton(StartFlow flow) {
        this.flow = flow;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        var userId = payload.getUser().getId();
        var channelId = payload.getChannel() == null ? userId : payload.getChannel().getId();
        var ref = ChangeRef.decode(payload.getActions().get(0).getValue()).filter(r -> r.changeId() != null);
        if (ref.isEmpty()) {
            return ctx.ack();
        }
        try {
            flow.start(ctx.client(), payload.getTriggerId(), payload.getTeam().getId(), ref.get().changeId(), userId)
                    .ifPresent(text -> Ephemeral.tell(ctx.client(), channelId, userId, text));
        } catch (RuntimeException e) {
            LOG.error("Could not start {}", ref.get().changeId(), e);
            Ephemeral.tell(ctx.client(), channelId, userId, Replies.TRY_AGAIN);
        }
        return ctx.ack();
    }
}
