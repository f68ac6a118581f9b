package dev.changebot.application.github;

import java.time.Instant;
import java.util.Optional;

/**
 * GitHub asking whether a workflow run may deploy to an environment (a {@code deployment_protection_rule}
 * webhook, action {@code requested}), as much of it as deciding and answering need.
 */
public record ProtectionRequest(
        String deliveryId,
        long installationId,
        String repository,
        String environment,
        long runId,
        String callbackUrl,
        Optional<Long> deploymentId,
        Optional<String> sha,
        Optional<String> ref,
        Optional<String> event,
        Optional<String> sender,
        Instant receivedAt) {
}
