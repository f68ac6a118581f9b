package dev.changebot.domain.change;

import java.time.Instant;
import java.util.List;

/**
 * One person's approval at a stage of the deployment: {@code step} of the policy's approvals
 * {@code before} that stage ("Manual QA approval" before "production"), and the roles it counted for.
 */
public record StageSignoff(String before, String step, String approverId, Instant approvedAt, List<String> roles) {

    public StageSignoff {
        roles = List.copyOf(roles);
    }

    /** Whether it is an approval of that step before that stage. */
    public boolean of(String before, String step) {
        return this.before.equals(before) && this.step.equals(step);
    }
}
