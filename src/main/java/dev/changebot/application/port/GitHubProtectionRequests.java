package dev.changebot.application.port;

import dev.changebot.application.github.ProtectionRequest;
import java.util.Optional;

/** The deployment protection requests GitHub sent, each kept once. */
public interface GitHubProtectionRequests {

    /** Keeps the request; empty when its delivery was kept before (GitHub redelivered it). */
    Optional<Long> keep(ProtectionRequest request);

    Optional<ProtectionRequest> find(long id);

    /** The gate check that decides the request. */
    void link(long requestId, long checkId);

    /** The requests a gate check decides (one, unless GitHub asked twice for one run). */
    java.util.List<Long> byCheck(long checkId);

    /** The Slack workspaces the database knows (at most two: enough to tell "one" from "several"). */
    java.util.List<String> knownWorkspaces();

    /**
     * The public id of the gate check that decided GitHub's protection request for this deployment
     * of the repository, when one did: what a deployment status of it is reported against.
     */
    Optional<String> checkOfDeployment(String repository, long deploymentId);
}
