package dev.changebot.config;

import dev.changebot.policyfile.PolicyProblem;
import java.util.List;
import java.util.stream.Collectors;

/** The policy file is broken: the message lists every problem, one per line, ready to print. */
public class InvalidPolicyException extends RuntimeException {

    public InvalidPolicyException(String spec, List<PolicyProblem> problems) {
        super("Changebot will not start: the policy " + (spec == null || spec.isBlank() ? "(default)" : spec)
                + " has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"))
                + "\nFix the file (see docs/policy.md), or check it with: java -jar changebot.jar policy check FILE");
    }
}
