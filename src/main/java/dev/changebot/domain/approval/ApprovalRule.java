package dev.changebot.domain.approval;

import dev.changebot.domain.change.Change;
import java.util.Set;

/**
 * Who may approve or reject a change now, and when it has enough approvals. The roles a person
 * holds are resolved by the caller at the moment they act, never taken from a message.
 */
public interface ApprovalRule {

    Decision mayApprove(Change change, String userId, Set<String> userRoles);

    /** The requester withdraws by cancelling instead; otherwise anyone who could approve a step may reject. */
    Decision mayReject(Change change, String userId, Set<String> userRoles);

    /** The step an allowed approval counts toward now. */
    int stepFor(Change change);

    boolean isSatisfied(Change change);

    /** The ladder as it stands, for display. */
    ChainProgress progress(Change change);
}
