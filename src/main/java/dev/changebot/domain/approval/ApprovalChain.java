package dev.changebot.domain.approval;

import dev.changebot.domain.policy.ApprovalSettings;
import dev.changebot.domain.policy.ApprovalStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * An ordered approval chain under the policy's rules: steps strictly in order, N distinct people
 * per step, no self-approval unless allowed, and (by default) a different person for each step.
 * Who holds which role is decided by the caller at the moment of the click and passed in.
 */
public final class ApprovalChain {

    private final List<ApprovalStep> steps;
    private final ApprovalSettings settings;
    private final java.util.function.Function<String, String> roleNames;

    public ApprovalChain(List<ApprovalStep> steps, ApprovalSettings settings) {
        this(steps, settings, role -> role);
    }

    /** @param roleNames how people know a role: "Backend Lead (@backend-leads)" for backend-lead */
    public ApprovalChain(List<ApprovalStep> steps, ApprovalSettings settings,
                         java.util.function.Function<String, String> roleNames) {
        this.steps = List.copyOf(steps);
        this.settings = settings;
        this.roleNames = roleNames;
    }

    /** A chain of no steps: its class names no approvers, or has left the policy. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public ChainProgress progress(List<StepApproval> approvals) {
        var statuses = new ArrayList<ChainProgress.StepStatus>();
        for (int i = 0; i < steps.size(); i++) {
            int number = i + 1;
            var forStep = approvals.stream().filter(a -> a.step() == number).toList();
            statuses.add(new ChainProgress.StepStatus(number, steps.get(i), forStep));
        }
        return new ChainProgress(statuses);
    }

    /**
     * Whether {@code userId}, holding {@code userRoles}, may approve now; the refusal says why in
     * words the person can act on ("waiting for step 1 (Backend Lead)").
     */
    public Decision mayApprove(String requesterId, List<StepApproval> approvals, String userId, Set<String> userRoles) {
        return mayApprove(progress(approvals), requesterId, userId, userRoles);
    }

    /** As {@link #mayApprove(String, List, String, Set)}, on a ladder already worked out. */
    public Decision mayApprove(ChainProgress progress, String requesterId, String userId, Set<String> userRoles) {
        var approvals = progress.steps().stream().flatMap(s -> s.approvals().stream()).toList();
        var current = progress.current();
        if (current.isEmpty()) {
            return Decision.refused("Every approval step is already complete.");
        }
        var step = current.get();
        if (userId.equals(requesterId) && !settings.requesterMayApprove()) {
            return Decision.refused("You requested this change, so you cannot approve it: the policy needs someone else.");
        }
        if (step.approvals().stream().anyMatch(a -> a.approverId().equals(userId))) {
            return Decision.refused("You have already approved " + step.describe() + "; it needs "
                    + step.missing() + " more approver" + (step.missing() == 1 ? "" : "s") + ".");
        }
        if (!Collections.disjoint(step.step().roles(), userRoles)) {
            if (settings.onePersonPerStep()) {
                var earlier = approvals.stream().filter(a -> a.approverId().equals(userId) && a.step() < step.number())
                        .findFirst();
                if (earlier.isPresent()) {
                    return Decision.refused("You approved " + progress.steps().get(earlier.get().step() - 1).describe()
                            + "; the policy needs a different person for " + step.describe() + ".");
                }
            }
            return Decision.ALLOWED;
        }
        var later = progress.steps().stream()
                .filter(s -> s.number() > step.number() && !Collections.disjoint(s.step().roles(), userRoles))
                .findFirst();
        if (later.isPresent()) {
            return Decision.refused("Not yet: waiting for " + step.describe() + " before " + later.get().describe() + ".");
        }
        return Decision.refused(step.describe().substring(0, 1).toUpperCase() + step.describe().substring(1)
                + " needs " + String.join(" or ", step.step().roles().stream().map(roleNames).toList())
                + ", and you do not hold " + (step.step().roles().size() == 1 ? "that role." : "any of those roles."));
    }

    /** The step an allowed approval by this user counts toward. */
    public int currentStep(List<StepApproval> approvals) {
        return progress(approvals).current().map(ChainProgress.StepStatus::number)
                .orElseThrow(() -> new IllegalStateException("the chain is complete"));
    }
}
