package dev.changebot.application.port;

import dev.changebot.domain.gate.DeploymentRecorded;
import java.util.Optional;

/** Deployment reports acted on, one per Idempotency-Key of a token; in the caller's transaction. */
public interface DeploymentReports {

    Optional<DeploymentRecorded> byKey(long tokenId, String idempotencyKey);

    /** Keeps what the key did, and the deployment it recorded. */
    void add(String workspaceId, long tokenId, String idempotencyKey, String requestBody, DeploymentRecorded recorded,
             long deploymentId);
}
