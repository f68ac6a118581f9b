package dev.changebot.domain.policy;

import java.util.Set;

/**
 * Who may start a change despite a freeze or outside its windows. {@code allRoles} means one
 * person from each role must agree ("Backend Lead + SRE Lead"); otherwise anyone holding one of
 * them may ("IC or Engineering Manager"). A written justification is always required.
 */
public record Override(Set<String> roles, boolean allRoles) {

    public static final Override NOBODY = new Override(Set.of(), false);

    public Override {
        // In the policy's order: people read them as written.
        roles = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(roles));
    }

    public boolean isPossible() {
        return !roles.isEmpty();
    }
}
