package dev.changebot.domain.gate;

import dev.changebot.domain.change.ChangeId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A deployment as a pipeline reports it, for a check ({@code gc_...}) or for a change and an
 * environment; {@code percent} is a step of a staged rollout to production.
 */
public record DeploymentReport(Optional<String> check, Optional<ChangeId> change, Optional<String> environment,
                               Optional<String> service, DeploymentStatus status, OptionalInt percent,
                               Optional<String> version, Optional<String> url, Optional<Instant> startedAt,
                               Optional<Instant> finishedAt) {
}
