package dev.changebot.application.port;

/**
 * What goes back to GitHub about a protection request, queued in the transaction that decides it
 * and delivered by a worker: status reports (GitHub keeps at most {@link #MAX_REPORTS} per
 * deployment) and the one review that approves or rejects the run.
 */
public interface GitHubReplies extends DeliveryQueue<GitHubReplies.Pending> {

    int MAX_REPORTS = 10;

    /** Queues a status report unless the request has had its {@link #MAX_REPORTS}; false when it has. */
    boolean report(long requestId, String comment, java.time.Instant at);

    /** Queues the review; false when the request was reviewed already. */
    boolean review(long requestId, boolean approved, String comment, java.time.Instant at);

    /** A claimed reply with what sending it needs. */
    record Pending(long id, int attempts, long requestId, long installationId, String repository,
                   String callbackUrl, String environment, java.util.Optional<String> state, String comment) {
    }
}
