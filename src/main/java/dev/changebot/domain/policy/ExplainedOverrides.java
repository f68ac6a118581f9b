package dev.changebot.domain.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may override what, as `policy explain` tells it: the class's windows, then each freeze in
 * force for it, with whether one of the roles suffices or one person of each must sign (POL-012:
 * "IC or Engineering Manager can override"; chat-backend: "Backend Lead + SRE Lead").
 */
final class ExplainedOverrides {

    private ExplainedOverrides() {
    }

    static List<String> of(Policy policy, ChangeClass changeClass, DeploymentTarget target) {
        var lines = new ArrayList<String>();
        if (changeClass.emergency()) {
            return lines;
        }
        if (!changeClass.windows().isEmpty()) {
            lines.add("outside its windows: " + signers(policy, changeClass.override()));
        }
        for (var freeze : policy.freezes()) {
            if (freeze.blocks(changeClass, target)) {
                lines.add(freeze.label() + ": " + signers(policy, freeze.override()));
            }
        }
        return lines;
    }

    /** "any one of Incident Commander (ic) or Engineering Manager (em), with a written justification". */
    static String signers(Policy policy, Override override) {
        if (!override.isPossible()) {
            return "nobody may override";
        }
        var who = override.roles().stream().map(role -> who(policy, role)).toList();
        if (who.size() == 1) {
            return who.get(0) + ", with a written justification";
        }
        return (override.allRoles() ? "all of " + String.join(" and ", who) + " (one person of each)"
                : "any one of " + String.join(" or ", who)) + ", with a written justification";
    }

    /** "Backend Lead (backend-lead)": a role as people read it, with the id the policy file uses. */
    static String who(Policy policy, String role) {
        var defined = policy.roles().get(role);
        if (defined == null || defined.label().equals(role)) {
            return role;
        }
        // A label that already names the id ("Engineer (reviewer)") is not told twice.
        return defined.label().toLowerCase(java.util.Locale.ROOT).contains(role.toLowerCase(java.util.Locale.ROOT))
                ? defined.label() : defined.label() + " (" + role + ")";
    }
}
