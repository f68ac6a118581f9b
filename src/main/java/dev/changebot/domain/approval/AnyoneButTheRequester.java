package dev.changebot.domain.approval;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeState;

/**
 * The rule before policies exist: one approval from anyone other than the requester.
 * Separation of duties is the one thing every reference policy agrees on.
 */
public final class AnyoneButTheRequester implements ApprovalRule {

    @Override
    public Decision mayApprove(Change change, String userId) {
        if (change.state() != ChangeState.PENDING_APPROVAL) {
            return Decision.refused(change.id() + " is " + change.state().label() + "; there is nothing left to approve.");
        }
        if (change.requesterId().equals(userId)) {
            return Decision.refused("You requested " + change.id()
                    + ", so you cannot approve it: someone else has to review your change.");
        }
        if (change.hasApprovalFrom(userId)) {
            return Decision.refused("You have already approved " + change.id() + ".");
        }
        return Decision.ALLOWED;
    }

    @Override
    public Decision mayReject(Change change, String userId) {
        if (change.state() != ChangeState.PENDING_APPROVAL) {
            return Decision.refused(change.id() + " is " + change.state().label() + "; it can no longer be rejected.");
        }
        if (change.requesterId().equals(userId)) {
            return Decision.refused("You requested " + change.id() + "; to withdraw it, use `/change cancel "
                    + change.id() + "`.");
        }
        return Decision.ALLOWED;
    }

    @Override
    public boolean isSatisfied(Change change) {
        return change.approvals().stream().anyMatch(a -> !a.approverId().equals(change.requesterId()));
    }
}
