package dev.changebot.domain.change;

import dev.changebot.domain.approval.ApprovalRule;
import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.ChangeEvent.ChangeApprovalRevoked;
import dev.changebot.domain.change.ChangeEvent.ChangeApproved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The approvals of a change, part of its aggregate: given step by step under the policy's rule,
 * withdrawn while their step is open. The change's state still moves only through {@link Change#moveTo}.
 */
final class Review {

    private final Change change;
    final List<Approval> approvals = new ArrayList<>();

    Review(Change change) {
        this.change = change;
    }

    /**
     * Records the approval of the step now open by a person holding {@code roles} (decided by the
     * caller at the moment of the click); the change is approved when its chain is complete.
     */
    ChangeApproved approve(String approverId, Set<String> roles, Instant now, ApprovalRule rule) {
        if (rule.mayApprove(change, approverId, roles) instanceof Decision.Refused refused) {
            throw new ApprovalRefusedException(refused.reason());
        }
        int step = rule.stepFor(change);
        approvals.add(new Approval(approverId, now, step));
        if (rule.isSatisfied(change)) {
            // An emergency does not wait for a start: its approvals were all that held it.
            change.moveTo(change.isEmergency() ? ChangeState.IN_PROGRESS : ChangeState.APPROVED);
        }
        return new ChangeApproved(change.id(), approverId, now, step);
    }

    /**
     * An approval may be withdrawn while its step is still open; once the step is complete, the
     * approval stands (later steps may already rely on it).
     */
    Decision mayRevoke(String userId, ApprovalRule rule) {
        if (change.state() != ChangeState.PENDING_APPROVAL) {
            return Decision.refused(change.id() + " is " + change.state().label() + "; approvals can no longer be withdrawn.");
        }
        var open = rule.progress(change).current();
        if (open.isEmpty() || approvals.stream().noneMatch(a -> a.approverId().equals(userId)
                && a.step() == open.get().number())) {
            return Decision.refused("You have no approval on the step now open of " + change.id() + " to withdraw.");
        }
        return Decision.ALLOWED;
    }

    ChangeApprovalRevoked revoke(String userId, Instant now, ApprovalRule rule) {
        if (mayRevoke(userId, rule) instanceof Decision.Refused refused) {
            throw new ChangeRefusedException(refused.reason());
        }
        int step = rule.progress(change).current().orElseThrow().number();
        approvals.removeIf(a -> a.approverId().equals(userId) && a.step() == step);
        return new ChangeApprovalRevoked(change.id(), userId, now, step);
    }
}
