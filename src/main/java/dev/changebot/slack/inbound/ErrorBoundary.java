package dev.changebot.slack.inbound;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.model.event.Event;
import dev.changebot.application.port.ReactionLedger;
import dev.changebot.slack.view.Cut;
import dev.changebot.slack.view.SlackLimits;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a failure meets the person who acted, for every handler (each is registered through it,
 * in SlackListeners): a handler lets what it could not do throw, and the person hears it the way
 * their kind of interaction answers, in the words of {@link Failures#tell} (a refusal as what it
 * is, "try again" for an outage, our fault otherwise). Slack still gets its ack, so it neither
 * retries nor shows the person a timeout.
 */
public final class ErrorBoundary {

    private ErrorBoundary() {
    }

    /** A click: told privately, in the channel it was clicked in (from the App Home, in the app's DM). */
    public static BlockActionHandler blockAction(BlockActionHandler handler) {
        return (req, ctx) -> {
            try {
                return handler.apply(req, ctx);
            } catch (RuntimeException e) {
                var click = ButtonClick.of(req.getPayload());
                var actionId = req.getPayload().getActions().get(0).getActionId();
                Ephemeral.tell(ctx.client(), click.channelId(), click.userId(),
                        Failures.tell("answer the click on " + actionId + " by " + click.userId(), e));
                return ctx.ack();
            }
        };
    }

    /** A form: an error on {@code errorBlock}, which keeps it open, so nothing typed into it is lost. */
    public static ViewSubmissionHandler viewSubmission(String errorBlock, ViewSubmissionHandler handler) {
        return viewSubmission(form -> errorBlock, handler);
    }

    /** A form whose errors show on a block that depends on the form (the first of the answers it asks for). */
    public static ViewSubmissionHandler viewSubmission(Function<ViewSubmissionPayload, String> errorBlock,
                                                       ViewSubmissionHandler handler) {
        return (req, ctx) -> {
            try {
                return handler.apply(req, ctx);
            } catch (RuntimeException e) {
                var form = req.getPayload();
                var text = Failures.tell("answer the submitted form " + form.getView().getCallbackId() + " of "
                        + form.getUser().getId(), e);
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(errorBlock.apply(form), text)));
            }
        };
    }

    /** A slash command: the ephemeral answer in its ack. */
    public static SlashCommandHandler slashCommand(SlashCommandHandler handler) {
        return (req, ctx) -> {
            try {
                return handler.apply(req, ctx);
            } catch (RuntimeException e) {
                var command = req.getPayload();
                var text = Failures.tell("answer " + command.getCommand() + " for " + command.getUserId(), e);
                return ctx.ack(r -> r.responseType("ephemeral").text(Cut.mrkdwn(text, SlackLimits.MESSAGE_TEXT)));
            }
        };
    }

    /**
     * A reaction: told privately to whoever reacted, in the channel of the message. {@code reaction}
     * reads it from the event; one not on a message has nobody to tell there.
     */
    public static <E extends Event> BoltEventHandler<E> reaction(Function<E, Optional<ReactionLedger.Reaction>> reaction,
                                                                 BoltEventHandler<E> handler) {
        return (payload, ctx) -> {
            try {
                return handler.apply(payload, ctx);
            } catch (RuntimeException e) {
                var reacted = reaction.apply(payload.getEvent());
                var text = Failures.tell("answer the " + payload.getEvent().getType() + " of "
                        + reacted.map(ReactionLedger.Reaction::userId).orElse("someone"), e);
                reacted.ifPresent(r -> Ephemeral.tell(ctx.client(), r.channelId(), r.userId(), text));
                return ctx.ack();
            }
        };
    }
}
