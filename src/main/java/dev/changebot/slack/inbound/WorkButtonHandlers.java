package dev.changebot.slack.inbound;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.change.ChangeService;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.slack.ChangeRef;
import jakarta.inject.Singleton;

/**
 * The buttons of a change under way, on its message and on the App Home, doing what
 * `/change deployed|done|rolledback|failed` do; the person who clicked hears the outcome
 * privately, the channel sees the message change, and a Home clicked from is published again.
 */
@Singleton
public class WorkButtonHandlers {

    private final ChangeService service;
    private final AppHome appHome;
    private final ButtonPlacement placement;

    public WorkButtonHandlers(ChangeService service, AppHome appHome, ButtonPlacement placement) {
        this.service = service;
        this.appHome = appHome;
        this.placement = placement;
    }

    /** "Deployed to staging": the value names the change, the environment and the rollout step. */
    public Response deployed(BlockActionRequest req, ActionContext ctx) {
        var click = ButtonClick.of(req.getPayload());
        placement.target(click, ctx.client(), ChangeRef::namesDeployment, "`/change deployed CHG-n &lt;environment&gt;`")
                .ifPresent(ref -> answer(click, ctx, ref.changeId(), new ChangeCommand.ReportDeployment(
                        ref.deployment().environment(), ref.deployment().percent())));
        return ctx.ack();
    }

    public Response done(BlockActionRequest req, ActionContext ctx) {
        return finished(req, ctx, ChangeState.COMPLETED, "`/change done CHG-n`");
    }

    public Response rolledBack(BlockActionRequest req, ActionContext ctx) {
        return finished(req, ctx, ChangeState.ROLLED_BACK, "`/change rolledback CHG-n`");
    }

    public Response failed(BlockActionRequest req, ActionContext ctx) {
        return finished(req, ctx, ChangeState.FAILED, "`/change failed CHG-n`");
    }

    private Response finished(BlockActionRequest req, ActionContext ctx, ChangeState outcome, String command) {
        var click = ButtonClick.of(req.getPayload());
        placement.target(click, ctx.client(), ChangeRef::namesChange, command).ifPresent(ref -> answer(click, ctx,
                ref.changeId(), new ChangeCommand.Finish(outcome)));
        return ctx.ack();
    }

    private void answer(ButtonClick click, ActionContext ctx, ChangeId id, ChangeCommand command) {
        try {
            Ephemeral.tell(ctx.client(), click.channelId(), click.userId(),
                    Replies.ofWork(id, service.run(click.teamId(), id, click.userId(), command)));
        } finally {
            if (click.onHome()) {
                // Clicked on the App Home: show it as it now stands, even when acting failed (during
                // an outage, the Home says it could not be read).
                appHome.publish(ctx.client(), click.teamId(), click.userId());
            }
        }
    }
}
