package dev.changebot.domain.policy;

import java.util.Set;

/**
 * Which services and environments a freeze or a window is about ({@code applies_to_services},
 * {@code applies_to_environments}); an empty set means all of them. A target that does not say
 * its service or environment is in scope: not knowing where a change goes is no reason to let
 * it past a freeze.
 */
public record RuleScope(Set<String> services, Set<String> environments) {

    public static final RuleScope EVERYWHERE = new RuleScope(Set.of(), Set.of());

    public RuleScope {
        services = Set.copyOf(services);
        environments = Set.copyOf(environments);
    }

    public boolean covers(DeploymentTarget target) {
        return covers(services, target.service().orElse(null)) && covers(environments, target.environment().orElse(null));
    }

    private static boolean covers(Set<String> names, String name) {
        return names.isEmpty() || name == null || names.contains(name);
    }
}
