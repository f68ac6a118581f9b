package dev.changebot.slack.change;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.slack.ChangeRef;
import jakarta.inject.Singleton;

/** The Start button on an approved change. */
@Singleton
public class StartButton implements BlockActionHandler {

    private final StartFlow flow;
    private final ButtonPlacement placement;

    public StartButton(StartFlow flow, ButtonPlacement placement) {
        this.flow = flow;
        this.placement = placement;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var click = ButtonClick.of(req.getPayload());
        var ref = ChangeRef.decode(click.value()).filter(r -> r.changeId() != null);
        if (ref.isEmpty()) {
            return ctx.ack();
        }
        var id = ref.get().changeId();
        try {
            placement.refusal(click, id)
                    .or(() -> flow.start(ctx.client(), click.triggerId(), click.teamId(), id, click.userId()))
                    .ifPresent(text -> Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), text));
        } catch (RuntimeException e) {
            Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), Failures.tell("start " + id, e));
        }
        return ctx.ack();
    }
}
