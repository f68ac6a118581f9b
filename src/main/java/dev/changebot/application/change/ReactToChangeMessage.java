package dev.changebot.application.change;

import dev.changebot.application.port.ReactionLedger;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.rules.ChangeCommand;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The policy's approve reaction on a change's message (or the reaction a stage approval names): added,
 * it approves like the button; removed before its step completes (or its stage is reached), it revokes
 * that approval. Other reactions and other messages are
 * ignored. Each (message, reaction, person) counts once, whatever Slack delivers.
 */
@Singleton
public class ReactToChangeMessage {

    private final Changes changes;
    private final Transactions transactions;
    private final ReactionLedger ledger;
    private final ChangeService service;
    private final Policy policy;

    public ReactToChangeMessage(Changes changes, Transactions transactions, ReactionLedger ledger,
                                ChangeService service, Policy policy) {
        this.changes = changes;
        this.transactions = transactions;
        this.ledger = ledger;
        this.service = service;
        this.policy = policy;
    }

    /** Empty when the reaction is not one we act on, or is a duplicate or stale delivery. */
    public Optional<ActionOutcome> react(String workspaceId, ReactionLedger.Reaction reaction, boolean added,
                                         String eventTs) {
        if (!policy.approveReactions().contains(reaction.name())) {
            return Optional.empty();
        }
        // The reaction goes with the command: a stage approval may ask for its own (chat-backend's QA: 👍).
        ChangeCommand command = added ? ChangeCommand.Approve.byReaction(reaction.name())
                : new ChangeCommand.Revoke(Optional.of(reaction.name()));
        // Roles before any lock (the directory may call the chat platform); it keeps them a minute.
        var actor = service.actorFor(workspaceId, reaction.userId(), command);
        // The change is found by its message and locked in one statement; a reaction on any other
        // message leaves no trace in the ledger.
        return transactions.inTransaction(() -> changes
                .findForUpdateByMessage(workspaceId, reaction.channelId(), reaction.messageTs())
                .filter(change -> ledger.record(reaction, added, eventTs))
                .map(change -> service.runOnLocked(change, actor, command)));
    }
}
