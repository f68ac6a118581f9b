package dev.changebot.application.delivery;

import dev.changebot.application.port.GitHubReplies;
import dev.changebot.application.port.GitHubReviews;
import dev.changebot.application.port.GitHubReviews.Outcome;
import dev.changebot.application.port.Transactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued replies to GitHub, oldest first, as the outbox sends Slack's: a rate limit
 * postpones (not an attempt), a 5xx or the network retries with backoff, a refusal is kept with
 * GitHub's words. Queued in the deciding transaction, a review survives a restart and reaches
 * GitHub from whichever node claims it.
 */
@Singleton
public class DeliverGitHubReplies extends QueueWorker<GitHubReplies.Pending> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverGitHubReplies.class);

    private final GitHubReplies replies;
    private final GitHubReviews github;

    public DeliverGitHubReplies(GitHubReplies replies, GitHubReviews github, Transactions transactions, Clock clock) {
        super(replies, transactions, clock);
        this.replies = replies;
        this.github = github;
    }

    /** Sends everything due now; how many went out. */
    public synchronized int drain() {
        return drain(() -> true);
    }

    public synchronized int drain(BooleanSupplier keepGoing) {
        return drainQueue(keepGoing);
    }

    @Override
    protected boolean deliver(GitHubReplies.Pending reply) {
        var outcome = github.send(reply.installationId(), reply.callbackUrl(), reply.environment(), reply.state(),
                reply.comment());
        var now = clock.instant();
        if (outcome instanceof Outcome.Sent) {
            report(() -> replies.delivered(reply, now));
            return true;
        }
        if (outcome instanceof Outcome.Wait wait) {
            report(() -> replies.postpone(reply, wait.notBefore(), wait.why()));
            return false;
        }
        var failed = (Outcome.Failed) outcome;
        if (failed.retryable() && reply.attempts() + 1 < MAX_ATTEMPTS) {
            report(() -> replies.retryAt(reply, now.plus(backoff(reply.attempts())), failed.error()));
        } else {
            LOG.warn("Gave up on {}: {}", describe(reply), failed.error());
            report(() -> replies.failed(reply, now, failed.error()));
        }
        return false;
    }

    @Override
    protected int attempts(GitHubReplies.Pending reply) {
        return reply.attempts();
    }

    @Override
    protected String describe(GitHubReplies.Pending reply) {
        return (reply.state().map(s -> "the " + s + " review").orElse("a status report")) + " of " + reply.repository()
                + " run for " + reply.environment();
    }
}
