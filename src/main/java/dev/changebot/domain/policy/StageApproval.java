package dev.changebot.domain.policy;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * An approval the policy asks for at a point of the deployment, not before the work starts:
 * before an environment ("Manual QA approval" between staging and production), before a step of
 * production's rollout ({@code production 25%}), or before a rollback ("Rollback requires dual
 * approval"). It is given once the change has reached the stage before (see
 * {@link dev.changebot.domain.approval.StageApprovals}), by button, reaction or command.
 *
 * @param before   where it stands, as the change's record names stages: "production", "production 25%", "rollback"
 * @param step     what people call it: "Manual QA approval"
 * @param roles    the roles that may give it, in the policy's order
 * @param count    how many distinct people holding any of {@code roles} must give it (N-of-M)
 * @param all      one person per role instead: "Backend Lead + SRE Lead"
 * @param reaction the Slack reaction that gives it on the change's message ("thumbsup": "Manual QA approval
 *                 via Slack reaction (👍)"); empty: the policy's approve reaction
 */
public record StageApproval(String before, String step, Set<String> roles, int count, boolean all,
                            java.util.Optional<String> reaction) {

    /** The {@code before:} of an approval a rollback needs. */
    public static final String ROLLBACK = "rollback";

    public StageApproval {
        before = before.strip().toLowerCase(Locale.ROOT);
        roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A stage approval needs at least one role");
        }
        if (count < 1) {
            throw new IllegalArgumentException("A stage approval needs at least one approver");
        }
    }

    /** Whether {@code name} is the reaction that gives it, the policy's approve reaction being {@code standard}. */
    public boolean givenBy(String name, String standard) {
        return reaction.orElse(standard).equals(name);
    }

    /** How many people must give it: one per role when {@code all}, else {@code count}. */
    public int required() {
        return all ? roles.size() : count;
    }

    public boolean beforeRollback() {
        return before.equals(ROLLBACK);
    }

    /** The environment it stands before ("production" for "production 25%"); empty before a rollback. */
    public java.util.Optional<String> environment() {
        if (beforeRollback()) {
            return java.util.Optional.empty();
        }
        int space = before.indexOf(' ');
        return java.util.Optional.of(space < 0 ? before : before.substring(0, space));
    }

    /** The rollout step it stands before, for "production 25%". */
    public java.util.OptionalInt percent() {
        int space = before.indexOf(' ');
        if (beforeRollback() || space < 0) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(Integer.parseInt(before.substring(space + 1).replace("%", "").strip()));
    }

    /** "Manual QA approval before production". */
    public String describe() {
        return step + " before " + before;
    }
}
