package dev.changebot.domain.rules;

import dev.changebot.domain.approval.ApprovalChain;
import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.approval.StepApproval;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.policy.ApprovalStep;
import dev.changebot.domain.policy.Policy;
import java.util.List;
import java.util.Optional;

/**
 * The approval chain a change has to climb, and where it stands on it. The steps come from
 * {@link Policy#stepsFor}, the one place that decides them for the bot and for `policy explain`.
 */
public final class ChangeApprovals {

    private ChangeApprovals() {
    }

    /**
     * The steps of the change's class combined with its type's row of the approval matrix, then its
     * service's extra steps; none when its class has left the policy.
     */
    public static List<ApprovalStep> steps(Policy policy, Change change) {
        return policy.changeClass(change.changeClass())
                .map(c -> policy.stepsFor(c, change.details().changeType(), change.service()))
                .orElse(List.of());
    }

    public static ApprovalChain chain(Policy policy, Change change) {
        return new ApprovalChain(steps(policy, change), policy.approvals(), role -> roleName(policy, role));
    }

    /** "Backend Lead (@backend-leads)": a role by its label and the Slack group that holds it, as people know it. */
    static String roleName(Policy policy, String role) {
        return dev.changebot.domain.approval.RoleNames.of(policy, role);
    }

    /** The ladder as it stands: each step with its approvals, and the step now open. */
    public static ChainProgress progress(Policy policy, Change change) {
        return chain(policy, change).progress(stepApprovals(change));
    }

    static List<StepApproval> stepApprovals(Change change) {
        return change.approvals().stream().map(a -> new StepApproval(a.step(), a.approverId(), a.approvedAt())).toList();
    }
}
