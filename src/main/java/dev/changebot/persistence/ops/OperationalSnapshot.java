package dev.changebot.persistence.ops;

import java.util.Map;

/**
 * What the database gauges show, read in one go ({@link OperationalQueries}). Ages are in seconds
 * by the app's clock; an empty queue has an oldest age of 0.
 *
 * @param outboxDepth            undelivered, unfailed rows per outbox queue
 * @param outboxOldestAgeSeconds age of the oldest of them per queue
 * @param pendingApprovalsByAge  changes awaiting approval per {@link ApprovalAge} bucket
 * @param overdueFollowUps       follow-ups past their deadline and not yet satisfied
 * @param pendingGateChecks      gate checks not yet settled
 * @param unauthorizedDeployments successful deployments no change or gate check covered, ever
 */
record OperationalSnapshot(Map<OutboxQueue, Long> outboxDepth, Map<OutboxQueue, Double> outboxOldestAgeSeconds,
                           Map<ApprovalAge, Long> pendingApprovalsByAge, long overdueFollowUps, long pendingGateChecks,
                           long unauthorizedDeployments) {

    OperationalSnapshot {
        outboxDepth = Map.copyOf(outboxDepth);
        outboxOldestAgeSeconds = Map.copyOf(outboxOldestAgeSeconds);
        pendingApprovalsByAge = Map.copyOf(pendingApprovalsByAge);
    }
}
