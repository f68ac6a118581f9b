package dev.changebot.config;

import dev.changebot.domain.audit.LoadedPolicy;
import dev.changebot.domain.policy.Policy;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the team's policy at start-up; a broken policy stops the server with every problem listed. */
@Factory
class PolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyFactory.class);

    @Context
    Policy policy(@Nullable @Value("${changebot.policy:}") String spec) {
        var load = PolicyFiles.load(spec);
        if (load instanceof PolicyLoad.Invalid invalid) {
            throw new InvalidPolicyException(spec, invalid.problems());
        }
        var policy = ((PolicyLoad.Loaded) load).policy();
        LOG.info("Policy '{}' loaded from {} (classes: {})", policy.id(),
                spec == null || spec.isBlank() ? "the default preset" : spec, String.join(", ", policy.classes().keySet()));
        return policy;
    }

    /** The policy as the audit chain records it (PolicyLoaded): its file's SHA-256, id and source. */
    @Singleton
    LoadedPolicy loadedPolicy(Policy policy, Clock clock, @Nullable @Value("${changebot.policy:}") String spec) {
        var sha256 = PolicyFiles.sha256(spec).orElseThrow(() -> new IllegalStateException(
                "The policy " + PolicyFiles.sourceOf(spec) + " was loaded but cannot be read again to hash it"));
        return new LoadedPolicy(sha256, policy.id(), PolicyFiles.sourceOf(spec), clock.instant());
    }
}
