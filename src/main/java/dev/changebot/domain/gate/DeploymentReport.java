package dev.changebot.domain.gate;

import dev.changebot.domain.change.ChangeId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A deployment as a pipeline reports it, for a check ({@code gc_...}), for a change and an
 * environment, or for neither (a service, an environment and perhaps a commit: covered only by an
 * allowed check of that commit); {@code percent} is a step of a staged rollout to production;
 * {@code codeTimes} when its commit was made and its pull request opened, where the pipeline says.
 */
public record DeploymentReport(Optional<String> check, Optional<ChangeId> change, Optional<String> environment,
                               Optional<String> service, DeploymentStatus status, OptionalInt percent,
                               Optional<String> version, Optional<String> url, Optional<Instant> startedAt,
                               Optional<Instant> finishedAt, Optional<String> sha, Optional<PipelineRun> pipeline,
                               CodeTimes codeTimes) {
}
