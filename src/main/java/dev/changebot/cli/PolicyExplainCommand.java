package dev.changebot.cli;

import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.DeploymentTarget;
import dev.changebot.domain.policy.PolicyExplainer;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code policy explain FILE --class C --at INSTANT}: whether a hypothetical change may start then
 * and why, its approval steps, notice, next compliant window, soak, rollout and follow-ups.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain what the policy says about a change of a class starting at an instant.")
final class PolicyExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "path of the policy YAML, or preset:NAME")
    String file;

    @Option(names = "--class", required = true, paramLabel = "CLASS", description = "the class of change")
    String changeClass;

    @Option(names = "--at", required = true, paramLabel = "INSTANT",
            description = "proposed start, ISO-8601 instant such as 2026-03-06T16:30:00Z")
    String at;

    @Option(names = "--requested-at", paramLabel = "INSTANT",
            description = "when the change is requested, for notice periods (default: --at)")
    String requestedAt;

    @Option(names = "--requester", paramLabel = "ID", description = "the requester's Slack user id")
    String requester;

    @Option(names = "--service", paramLabel = "S",
            description = "the service changed: its class override, approval steps and scoped freezes apply")
    String service;

    @Option(names = "--environment", paramLabel = "E",
            description = "the environment deployed to: freezes and windows scoped elsewhere do not apply")
    String environment;

    @Option(names = "--type", paramLabel = "CATEGORY/TYPE",
            description = "a row of the approval matrix, e.g. database/column-removal")
    String type;

    @Option(names = "--json", description = "print JSON for machines")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var load = PolicyFiles.load(file);
        if (load instanceof PolicyLoad.Invalid invalid) {
            invalid.problems().forEach(err::println);
            return PolicyCommand.INVALID;
        }
        var policy = ((PolicyLoad.Loaded) load).policy();
        var chosen = policy.changeClass(changeClass);
        if (chosen.isEmpty()) {
            err.println("There is no class '" + changeClass + "' in policy '" + policy.id() + "'; classes: "
                    + String.join(", ", policy.classes().keySet()));
            return PolicyCommand.USAGE;
        }
        if (type != null && policy.matrix().rolesFor(type).isEmpty()) {
            err.println("There is no approval matrix row '" + type + "' in policy '" + policy.id() + "'; "
                    + (policy.matrix().isEmpty() ? "it has no approval matrix"
                    : "types: " + String.join(", ", policy.matrix().types())));
            return PolicyCommand.USAGE;
        }
        if (service != null && policy.service(service).isEmpty()) {
            err.println("There is no service '" + service + "' in policy '" + policy.id() + "'; "
                    + (policy.hasServices() ? "services: " + String.join(", ", policy.services().keySet())
                    : "it names no services"));
            return PolicyCommand.USAGE;
        }
        var forService = Optional.ofNullable(service);
        if (environment != null && !policy.environmentsOf(forService).contains(environment)) {
            err.println("'" + environment + "' is not an environment " + (service == null ? "of policy '" + policy.id() + "'"
                    : "of service '" + service + "'") + "; environments: "
                    + String.join(", ", policy.environmentsOf(forService)));
            return PolicyCommand.USAGE;
        }
        Instant start;
        Instant requested;
        try {
            start = Instant.parse(at);
            requested = requestedAt == null ? start : Instant.parse(requestedAt);
        } catch (DateTimeParseException e) {
            err.println("Times are ISO-8601 instants such as 2026-03-06T16:30:00Z: " + e.getParsedString());
            return PolicyCommand.USAGE;
        }
        // A service may handle the class as another: the explanation is of the class it is handled as.
        var handledAs = policy.classFor(chosen.get(), forService);
        var explanation = PolicyExplainer.explain(policy, handledAs,
                policy.stepsFor(handledAs, Optional.ofNullable(type), forService), requested, start, CalendarState.QUIET,
                new DeploymentTarget(forService, Optional.ofNullable(environment)));
        var context = new ExplainContext(Optional.ofNullable(requester), Optional.ofNullable(service),
                Optional.ofNullable(environment), Optional.ofNullable(type), chosen.get().name(),
                Optional.ofNullable(type).map(t -> typeApprovers(policy, t)));
        spec.commandLine().getOut().print(json ? ExplanationJson.render(explanation, context)
                : ExplanationText.render(explanation, context));
        return explanation.allowed() ? PolicyCommand.ALLOWED : PolicyCommand.BLOCKED;
    }

    /** What the user told us about the change beyond its class, echoed in the answer. */
    /** @param typeApprovers how the type's row meets the class's chain, in words, for the text form */
    record ExplainContext(Optional<String> requester, Optional<String> service, Optional<String> environment,
                          Optional<String> type, String requestedClass, Optional<String> typeApprovers) {
    }

    /** "backend-lead, dba-lead: they sign before the class's chain; a role both name signs once". */
    private static String typeApprovers(dev.changebot.domain.policy.Policy policy, String type) {
        var roles = policy.matrix().rolesFor(type).orElseThrow();
        var who = roles.isEmpty() ? "nobody" : String.join(", ", roles);
        return who + (policy.matrix().combine() == dev.changebot.domain.policy.ApprovalMatrix.Combine.ADD
                ? ": they sign before the class's chain; a role both name signs once (combine: add)"
                : ": instead of the class's chain (combine: replace)");
    }
}
