package dev.changebot.application;

import dev.changebot.domain.approval.ApprovalRule;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * The policy's approve reaction on a change's message: added, it approves like the button; removed
 * before its step completes, it revokes that approval. Other reactions and other messages are
 * ignored. Each (message, reaction, person) counts once, whatever Slack delivers.
 */
@Singleton
public class ReactToChangeMessage {

    private final Changes changes;
    private final Transactions transactions;
    private final ReactionLedger ledger;
    private final LockedChangeAction action;
    private final ApprovalRule rule;
    private final RoleDirectory directory;
    private final Policy policy;
    private final Clock clock;

    public ReactToChangeMessage(Changes changes, Transactions transactions, ReactionLedger ledger,
                                LockedChangeAction action, ApprovalRule rule, RoleDirectory directory, Policy policy,
                                Clock clock) {
        this.changes = changes;
        this.transactions = transactions;
        this.ledger = ledger;
        this.action = action;
        this.rule = rule;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    /** Empty when the reaction is not one we act on, or is a duplicate or stale delivery. */
    public Optional<ActionOutcome> react(String workspaceId, ReactionLedger.Reaction reaction, boolean added,
                                         String eventTs) {
        if (!reaction.name().equals(policy.approvals().approveReaction())) {
            return Optional.empty();
        }
        var change = changes.findByMessage(workspaceId, reaction.channelId(), reaction.messageTs());
        if (change.isEmpty()) {
            return Optional.empty();
        }
        var id = change.get().id();
        var user = reaction.userId();
        var roles = added ? directory.rolesOf(workspaceId, user) : java.util.Set.<String>of();
        return transactions.inTransaction(() -> {
            if (!ledger.record(reaction, added, eventTs)) {
                return Optional.empty();
            }
            if (added) {
                return Optional.of(action.run(workspaceId, id, c -> rule.mayApprove(c, user, roles),
                        c -> c.approve(user, roles, clock.instant(), rule)));
            }
            return Optional.of(action.run(workspaceId, id, c -> c.mayRevoke(user, rule),
                    c -> c.revoke(user, clock.instant(), rule)));
        });
    }
}
