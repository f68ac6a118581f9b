package dev.changebot.policyfile;

import dev.changebot.domain.policy.Policy;
import java.util.List;

/** A policy file read: the policy, or every problem in it. */
public sealed interface PolicyLoad {

    record Loaded(Policy policy) implements PolicyLoad {
    }

    record Invalid(List<PolicyProblem> problems) implements PolicyLoad {
    }
}
