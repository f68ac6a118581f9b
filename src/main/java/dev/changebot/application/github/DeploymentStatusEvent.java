package dev.changebot.application.github;

import java.time.Instant;
import java.util.Optional;

/**
 * GitHub telling that a deployment's status changed (a {@code deployment_status} webhook), as much of
 * it as recording the deployment needs.
 *
 * @param state        GitHub's word: queued, pending, waiting, in_progress, success, failure, error, inactive
 * @param runUrl       the workflow run's page, else the status's log address
 * @param changeNumber the change the deployment names (its payload's {@code change}, or its ref)
 */
public record DeploymentStatusEvent(
        String deliveryId,
        String repository,
        long deploymentId,
        String environment,
        String state,
        Optional<String> sha,
        Optional<String> creator,
        Optional<String> environmentUrl,
        Optional<String> runUrl,
        Optional<String> runId,
        Optional<Long> changeNumber,
        Optional<Instant> at) {
}
