package dev.changebot.domain.approval;

import dev.changebot.domain.change.Change;

/** Who may approve a change now, and when it has enough approvals. */
public interface ApprovalRule {

    Decision mayApprove(Change change, String userId);

    /** Whether the user may turn the change down; the requester withdraws by cancelling instead. */
    Decision mayReject(Change change, String userId);

    boolean isSatisfied(Change change);
}
