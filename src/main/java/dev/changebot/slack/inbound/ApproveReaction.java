package dev.changebot.slack.inbound;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.changebot.application.change.ActionOutcome;
import dev.changebot.application.change.ReactToChangeMessage;
import dev.changebot.application.port.ReactionLedger;
import dev.changebot.slack.connection.BotUsers;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Emoji approvals: the policy's reaction on a change's message approves as the reactor, under the
 * same rules as the button; removing it before the step completes withdraws the approval.
 * Events are acked whatever happens: Slack retries a failed delivery, and the ledger makes
 * retries harmless.
 */
@Singleton
public class ApproveReaction {

    private final ReactToChangeMessage react;
    private final BotUsers bots;

    public ApproveReaction(ReactToChangeMessage react, BotUsers bots) {
        this.react = react;
        this.bots = bots;
    }

    public Response added(EventsApiPayload<ReactionAddedEvent> payload, EventContext ctx) {
        onMessage(payload.getEvent()).ifPresent(reaction -> handle(ctx, payload.getTeamId(), reaction, true,
                payload.getEvent().getEventTs()));
        return ctx.ack();
    }

    public Response removed(EventsApiPayload<ReactionRemovedEvent> payload, EventContext ctx) {
        onMessage(payload.getEvent()).ifPresent(reaction -> handle(ctx, payload.getTeamId(), reaction, false,
                payload.getEvent().getEventTs()));
        return ctx.ack();
    }

    /** The reaction, when it is on a message (a reaction on a file approves nothing). */
    public static Optional<ReactionLedger.Reaction> onMessage(ReactionAddedEvent event) {
        var item = event.getItem();
        return item == null || !"message".equals(item.getType()) ? Optional.empty()
                : Optional.of(new ReactionLedger.Reaction(item.getChannel(), item.getTs(), event.getReaction(), event.getUser()));
    }

    /** The reaction taken off, when it was on a message. */
    public static Optional<ReactionLedger.Reaction> onMessage(ReactionRemovedEvent event) {
        var item = event.getItem();
        return item == null || !"message".equals(item.getType()) ? Optional.empty()
                : Optional.of(new ReactionLedger.Reaction(item.getChannel(), item.getTs(), event.getReaction(), event.getUser()));
    }

    private void handle(EventContext ctx, String teamId, ReactionLedger.Reaction reaction, boolean added,
                        String eventTs) {
        if (bots.isBot(reaction.userId())) {
            return;
        }
        var outcome = react.react(teamId, reaction, added, eventTs);
        // A refused addition is explained; a removal that withdraws nothing needs no words.
        if (added && outcome.isPresent() && !(outcome.get() instanceof ActionOutcome.Done)) {
            Ephemeral.tell(ctx.client(), reaction.channelId(), reaction.userId(),
                    "Your :" + reaction.name() + ": did not count: " + Replies.of(outcome.get(), ""));
        }
    }
}
