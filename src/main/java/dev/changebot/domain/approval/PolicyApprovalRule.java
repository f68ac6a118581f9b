package dev.changebot.domain.approval;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.ApprovalStep;
import dev.changebot.domain.policy.Policy;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Approval under the team's policy: the chain of the change's class, with the policy's settings. */
public final class PolicyApprovalRule implements ApprovalRule {

    private final Policy policy;

    public PolicyApprovalRule(Policy policy) {
        this.policy = policy;
    }

    @Override
    public Decision mayApprove(Change change, String userId, Set<String> userRoles) {
        if (change.state() != ChangeState.PENDING_APPROVAL) {
            return Decision.refused(change.id() + " is " + change.state().label() + "; there is nothing left to approve.");
        }
        if (change.requesterId().equals(userId) && !policy.approvals().requesterMayApprove()) {
            return Decision.refused("You " + (change.isEmergency() ? "declared " : "requested ") + change.id()
                    + ", so you cannot approve it: the policy needs someone else to review your change.");
        }
        var steps = steps(change);
        if (steps.isEmpty()) {
            return Decision.refused(change.id() + "'s class '" + change.changeClass()
                    + "' is not in the current policy, so nobody can approve it; ask the policy's owner.");
        }
        return chain(steps).mayApprove(change.requesterId(), stepApprovals(change), userId, userRoles);
    }

    @Override
    public Decision mayReject(Change change, String userId, Set<String> userRoles) {
        if (change.state() != ChangeState.PENDING_APPROVAL) {
            return Decision.refused(change.id() + " is " + change.state().label() + "; it can no longer be rejected.");
        }
        if (change.requesterId().equals(userId)) {
            return Decision.refused("You " + (change.isEmergency() ? "declared " : "requested ") + change.id()
                    + "; to withdraw it, use `/change cancel " + change.id() + "`.");
        }
        var approverRoles = new TreeSet<String>();
        steps(change).forEach(step -> approverRoles.addAll(step.roles()));
        if (Collections.disjoint(approverRoles, userRoles)) {
            return Decision.refused("Only approvers of " + change.id() + " (" + String.join(", ", approverRoles)
                    + ") can reject it.");
        }
        return Decision.ALLOWED;
    }

    @Override
    public int stepFor(Change change) {
        return chain(steps(change)).currentStep(stepApprovals(change));
    }

    @Override
    public boolean isSatisfied(Change change) {
        return progress(change).complete();
    }

    @Override
    public ChainProgress progress(Change change) {
        return chain(steps(change)).progress(stepApprovals(change));
    }

    private List<ApprovalStep> steps(Change change) {
        return policy.changeClass(change.changeClass())
                .map(c -> policy.stepsFor(c, Optional.empty())).orElse(List.of());
    }

    private ApprovalChain chain(List<ApprovalStep> steps) {
        return new ApprovalChain(steps, policy.approvals());
    }

    private static List<StepApproval> stepApprovals(Change change) {
        return change.approvals().stream().map(a -> new StepApproval(a.step(), a.approverId(), a.approvedAt())).toList();
    }
}
