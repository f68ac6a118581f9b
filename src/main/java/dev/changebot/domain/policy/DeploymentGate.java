package dev.changebot.domain.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The question a CI pipeline asks before it deploys: may a change of class C, to service S, go to
 * environment E at instant T? The answer is the policy's, exactly as the bot applies it when work
 * starts: the service's class override first (a standard homepage change may be handled as a
 * significant one), then the windows and freezes of that class which are in scope for the service
 * and the environment, given what is happening now ({@link CalendarState}: declared freezes, open
 * incidents). It returns the same {@link StartCheck} as the bot (allowed, the blocking rules, and
 * the planner's summary with the next open moment); nobody has signed an override here, so a
 * blocked deployment lists what overriding it would take. Names it does not know are refused with
 * an {@link IllegalArgumentException} whose message can be shown as it is.
 */
public final class DeploymentGate {

    private DeploymentGate() {
    }

    public static StartCheck check(Policy policy, String className, Optional<String> service, String environment,
                                   CalendarState state, Instant at) {
        var requested = policy.changeClass(className).orElseThrow(() -> new IllegalArgumentException(
                "There is no class '" + className + "' in the policy; its classes are "
                        + String.join(", ", policy.classes().keySet()) + "."));
        if (service.isPresent() && policy.service(service.get()).isEmpty()) {
            throw new IllegalArgumentException("There is no service '" + service.get() + "' in the policy"
                    + (policy.hasServices() ? "; its services are " + String.join(", ", policy.services().keySet()) + "."
                    : "; it names no services."));
        }
        if (!policy.environmentsOf(service).contains(environment)) {
            throw new IllegalArgumentException("'" + environment + "' is not an environment "
                    + service.map(s -> "of service " + s).orElse("of the policy") + "; it has "
                    + String.join(", ", policy.environmentsOf(service)) + ".");
        }
        var changeClass = policy.classFor(requested, service);
        return StartCheck.of(policy, changeClass, new DeploymentTarget(service, Optional.of(environment)), state, at,
                Set.of());
    }
}
