package dev.changebot.slack.change;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.changebot.application.ActionOutcome;
import dev.changebot.application.ReactToChangeMessage;
import dev.changebot.application.ReactionLedger;
import dev.changebot.slack.connection.BotUsers;
import jakarta.inject.Singleton;

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
        var event = payload.getEvent();
        if (event.getItem() == null || !"message".equals(event.getItem().getType())) {
            return ctx.ack();
        }
        handle(ctx, payload.getTeamId(), new ReactionLedger.Reaction(event.getItem().getChannel(),
                event.getItem().getTs(), event.getReaction(), event.getUser()), true, event.getEventTs());
        return ctx.ack();
    }

    public Response removed(EventsApiPayload<ReactionRemovedEvent> payload, EventContext ctx) {
        var event = payload.getEvent();
        if (event.getItem() == null || !"message".equals(event.getItem().getType())) {
            return ctx.ack();
        }
        handle(ctx, payload.getTeamId(), new ReactionLedger.Reaction(event.getItem().getChannel(),
                event.getItem().getTs(), event.getReaction(), event.getUser()), false, event.getEventTs());
        return ctx.ack();
    }

    private void handle(EventContext ctx, String teamId, ReactionLedger.Reaction reaction, boolean added,
                        String eventTs) {
        try {
            if (bots.isBot(reaction.userId())) {
                return;
            }
            var outcome = react.react(teamId, reaction, added, eventTs);
            // A refused addition is explained; a removal that withdraws nothing needs no words.
            if (added && outcome.isPresent() && !(outcome.get() instanceof ActionOutcome.Done)) {
                Ephemeral.tell(ctx.client(), reaction.channelId(), reaction.userId(),
                        "Your :" + reaction.name() + ": did not count: " + Replies.of(outcome.get(), ""));
            }
        } catch (RuntimeException e) {
            Ephemeral.tell(ctx.client(), reaction.channelId(), reaction.userId(),
                    Failures.tell("handle a " + (added ? "added" : "removed") + " reaction by " + reaction.userId(), e));
        }
    }
}
