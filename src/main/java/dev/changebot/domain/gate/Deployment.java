package dev.changebot.domain.gate;

import dev.changebot.domain.change.ChangeId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A deployment as recorded from a pipeline's report or GitHub's deployment status, whether or not
 * anything stood behind it. {@code uncoveredWhy} is empty when an allowed gate check or an approved
 * change covered it; otherwise it says why not, and a successful one is an unauthorized change.
 */
public record Deployment(String workspaceId, Source source, String reportedBy, Optional<ChangeId> change,
                         Optional<Long> checkId, Optional<String> service, String environment, DeploymentStatus status,
                         OptionalInt percent, Optional<String> sha, Optional<String> version, Optional<String> url,
                         Optional<PipelineRun> pipeline, Optional<Instant> startedAt, Optional<Instant> finishedAt,
                         Instant reportedAt, Optional<String> uncoveredWhy, CodeTimes codeTimes) {

    /** Who told us: a pipeline with its token, or GitHub. */
    public enum Source {
        API, GITHUB;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean covered() {
        return uncoveredWhy.isEmpty();
    }

    /** What POL-012 counts as an unauthorized change: something reached an environment that nothing allowed. */
    public boolean unauthorized() {
        return !covered() && status == DeploymentStatus.SUCCEEDED;
    }

    /** "payments in production", "production" under a policy without services. */
    public String where() {
        return service.map(s -> s + " in " + environment).orElse(environment);
    }
}
