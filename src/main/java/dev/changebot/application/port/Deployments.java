package dev.changebot.application.port;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.gate.Deployment;
import dev.changebot.domain.gate.PipelineRun;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The deployments pipelines and GitHub reported, covered or not; in the caller's transaction. */
public interface Deployments {

    /** Keeps it; returns its id. */
    long add(Deployment deployment);

    /** The change's deployments, oldest first (at most the newest 100). */
    List<Deployment> ofChange(String workspaceId, ChangeId change);

    /** The unauthorized ones (succeeded, not covered) reported in [from, until), oldest first. */
    List<Deployment> unauthorized(String workspaceId, Instant from, Instant until);

    /** For each of these changes that has one, the pipeline run of its latest gate check or deployment. */
    Map<ChangeId, PipelineRun> pipelineRuns(String workspaceId, Collection<ChangeId> changes);
}
