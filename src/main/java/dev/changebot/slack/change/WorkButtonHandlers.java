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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons of a change under way, on its message and on the App Home, doing what
 * `/change deployed|done|rolledback|failed` do; the person who clicked hears the outcome
 * privately, the channel sees the message change, and a Home clicked from is published again.
 */
@Singleton
public class WorkButtonHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(WorkButtonHandlers.class);

    private final DeployChange deployChange;
    private final AppHome appHome;

    public WorkButtonHandlers(DeployChange deployChange, AppHome appHome) {
        this.deployChange = deployChange;
        this.appHome = appHome;
    }

    /** "Deployed to staging": the value names the change, the environment and the rollout step. */
    public Response deployed(BlockActionRequest req, ActionContext ctx) {
        var p = req.getPayload();
        var parts = p.getActions().get(0).getValue().split("\\|", -1);
        var id = ChangeId.parse(parts[0]);
        if (id.isEmpty() || parts.length != 3 || parts[1].isBlank()) {
            return ctx.ack();
        }
        var percent = parts[2].matches("\\d{1,3}") ? OptionalInt.of(Integer.parseInt(parts[2])) : OptionalInt.empty();
        return answer(req, ctx, id.get(),
                () -> deployChange.deployed(p.getTeam().getId(), id.get(), p.getUser().getId(), parts[1], percent));
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
        var p = req.getPayload();
        var ref = ChangeRef.decode(p.getActions().get(0).getValue()).filter(r -> r.changeId() != null);
        if (ref.isEmpty()) {
            return ctx.ack();
        }
        var id = ref.get().changeId();
        return answer(req, ctx, id, () -> deployChange.finished(p.getTeam().getId(), id, p.getUser().getId(), outcome));
    }

    private Response answer(BlockActionRequest req, ActionContext ctx, ChangeId id,
                                   java.util.function.Supplier<String> action) {
        var p = req.getPayload();
        var user = p.getUser().getId();
        var channel = p.getChannel() == null ? user : p.getChannel().getId();
        String text;
        try {
            text = Mrkdwn.escape(action.get());
        } catch (RuntimeException e) {
            LOG.error("Could not record the work on {}", id, e);
            text = Replies.TRY_AGAIN;
        }
        Ephemeral.tell(ctx.client(), channel, user, text);
        if ("view".equals(p.getContainer() == null ? null : p.getContainer().getType())) {
            // Clicked on the App Home: show it as it now stands.
            appHome.publish(ctx.client(), p.getTeam().getId(), user);
        }
        return ctx.ack();
    }
}
