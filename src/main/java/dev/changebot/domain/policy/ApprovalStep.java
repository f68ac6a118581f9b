package dev.changebot.domain.policy;

import java.util.Set;

/**
 * One rung of an approval chain: {@code required} distinct people holding any of {@code roles}
 * (N-of-M). Steps are approved strictly in order.
 */
public record ApprovalStep(String name, Set<String> roles, int required) {

    public ApprovalStep {
        // In the policy's order: people read them as written.
        roles = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(roles));
        if (required < 1) {
            throw new IllegalArgumentException("A step needs at least one approver");
        }
    }
}
