package dev.changebot.slack.inbound;

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
        placement.target(click, ctx.client(), ChangeRef::namesChange, "`/change start CHG-n`")
                .flatMap(ref -> flow.start(ctx.client(), click.triggerId(), click.teamId(), ref.changeId(), click.userId()))
                .ifPresent(text -> Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), text));
        return ctx.ack();
    }
}
