package dev.changebot.application.github;

import java.time.Instant;
import java.util.Optional;

/**
 * GitHub asking whether a workflow run may deploy to an environment (a {@code deployment_protection_rule}
 * webhook, action {@code requested}), as much of it as deciding and answering need.
 *
 * @param changeNumber the change the run names ({@code CHG-42} in the deployment's ref, its payload's
 *                     {@code change}, or a pull request's title or branch); empty for a deploy of a
 *                     pre-approved class
 * @param runUrl       the run's page, from the repository's address; only the arriving request has it (the
 *                     gate check it opens keeps it, as a pipeline's link)
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
        Instant receivedAt,
        Optional<Long> changeNumber,
        Optional<String> runUrl) {
}
