package dev.changebot.domain.approval;

import dev.changebot.domain.policy.ApprovalStep;
import java.util.List;
import java.util.Optional;

/** Where a change stands on its approval ladder: each step with its approvals, and the step now open. */
public record ChainProgress(List<StepStatus> steps) {

    public ChainProgress {
        steps = List.copyOf(steps);
    }

    /** The first step still short of approvals; empty when the chain is complete. */
    public Optional<StepStatus> current() {
        return steps.stream().filter(s -> !s.done()).findFirst();
    }

    public boolean complete() {
        return current().isEmpty();
    }

    /** One rung: its definition, numbered from 1, and the distinct people who approved it. */
    public record StepStatus(int number, ApprovalStep step, List<StepApproval> approvals) {

        public StepStatus {
            approvals = List.copyOf(approvals);
        }

        public boolean done() {
            return approvals.size() >= step.required();
        }

        public int missing() {
            return Math.max(0, step.required() - approvals.size());
        }

        /** "step 1 (Backend Lead review)" — how people are told which step is meant. */
        public String describe() {
            return "step " + number + " (" + step.name() + ")";
        }
    }
}
