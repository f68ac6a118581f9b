package dev.changebot.domain.policy;

import java.util.Optional;

/**
 * Where a change goes: a service of the policy and one of its environments, either unknown.
 * Scoped freezes and windows ({@link RuleScope}) are checked against it; {@link #ANYWHERE} is in
 * every scope, which is how a policy without services or scoping behaves.
 */
public record DeploymentTarget(Optional<String> service, Optional<String> environment) {

    public static final DeploymentTarget ANYWHERE = new DeploymentTarget(Optional.empty(), Optional.empty());

    public static DeploymentTarget of(String service, String environment) {
        return new DeploymentTarget(Optional.ofNullable(service), Optional.ofNullable(environment));
    }
}
