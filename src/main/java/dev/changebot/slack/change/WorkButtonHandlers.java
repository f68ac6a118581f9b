package dev.changebot.slack.change;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.DeployChange;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.view.Mrkdwn;
import jakarta.inject.Singleton;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The buttons of a change under way, on its message and on the App Home, doing what
 * `/change deployed|done|rolledback|failed` do; the person who clicked hears the outcome
 * privately, the channel sees the message change, and a Home clicked from is published again.
 */
@Singleton
public class WorkButtonHandlers {

    private final DeployChange deployChange;
    private final AppHome appHome;
    private final ButtonPlacement placement;

    public WorkButtonHandlers(DeployChange deployChange, AppHome appHome, ButtonPlacement placement) {
        this.deployChange = deployChange;
        this.appHome = appHome;
        this.placement = placement;
    }

    /** "Deployed to staging": the value names the change, the environment and the rollout step. */
    public Response deployed(BlockActionRequest req, ActionContext ctx) {
        var click = ButtonClick.of(req.getPayload());
        var parts = click.value().split("\\|", -1);
        var id = ChangeId.parse(parts[0]);
        if (id.isEmpty() || parts.length != 3 || parts[1].isBlank()) {
            return ctx.ack();
        }
        var percent = parts[2].matches("\\d{1,3}") ? OptionalInt.of(Integer.parseInt(parts[2])) : OptionalInt.empty();
        return answer(click, ctx, id.get(),
                () -> deployChange.deployed(click.teamId(), id.get(), click.userId(), parts[1], percent));
    }

    public Response done(BlockActionRequest req, ActionContext ctx) {
        return finished(req, ctx, ChangeState.COMPLETED);
    }

    public Response rolledBack(BlockActionRequest req, ActionContext ctx) {
        return finished(req, ctx, ChangeState.ROLLED_BACK);
    }

    public Response failed(BlockActionRequest req, ActionContext ctx) {
        return finished(req, ctx, ChangeState.FAILED);
    }

    private Response finished(BlockActionRequest req, ActionContext ctx, ChangeState outcome) {
        var click = ButtonClick.of(req.getPayload());
        var ref = ChangeRef.decode(click.value()).filter(r -> r.changeId() != null);
        if (ref.isEmpty()) {
            return ctx.ack();
        }
        var id = ref.get().changeId();
        return answer(click, ctx, id, () -> deployChange.finished(click.teamId(), id, click.userId(), outcome));
    }

    private Response answer(ButtonClick click, ActionContext ctx, ChangeId id, Supplier<String> action) {
        String text;
        try {
            var refusal = placement.refusal(click, id);
            text = refusal.isPresent() ? refusal.get() : Mrkdwn.escape(action.get());
        } catch (RuntimeException e) {
            text = Failures.tell("record the work on " + id + " by " + click.userId(), e);
        }
        Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), text);
        if (click.onHome()) {
            // Clicked on the App Home: show it as it now stands.
            appHome.publish(ctx.client(), click.teamId(), click.userId());
        }
        return ctx.ack();
    }
}
