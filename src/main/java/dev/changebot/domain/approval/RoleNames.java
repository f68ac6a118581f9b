package dev.changebot.domain.approval;

import dev.changebot.domain.policy.Policy;

/** How people know a role of the policy when told who must act. */
public final class RoleNames {

    private RoleNames() {
    }

    /** "Backend Lead (@backend-leads)": a role by its label and the Slack groups that hold it; its name if undefined. */
    public static String of(Policy policy, String role) {
        var defined = policy.roles().get(role);
        if (defined == null) {
            return role;
        }
        var groups = defined.userGroups().stream().map(g -> "@" + g).toList();
        return groups.isEmpty() ? defined.label() : defined.label() + " (" + String.join(", ", groups) + ")";
    }
}
