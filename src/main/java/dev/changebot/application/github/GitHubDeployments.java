package dev.changebot.application.github;

import dev.changebot.application.port.GitHubProtectionRequests;
import dev.changebot.application.port.GitHubReplies;
import dev.changebot.application.port.Transactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * GitHub's deployment protection requests from arrival to answer: each kept once (GitHub redelivers),
 * acknowledged with a first status report, and answered with status reports while the policy's
 * steps are pending and one review when the gate settles. Everything for GitHub is queued in the
 * same transaction as the fact it tells, and sent by {@code DeliverGitHubReplies}.
 */
@Singleton
public class GitHubDeployments {

    /** GitHub's limit for a status report's or review's comment, in characters. */
    public static final int MAX_COMMENT = 1024;

    private final GitHubProtectionRequests requests;
    private final GitHubReplies replies;
    private final Transactions transactions;
    private final Clock clock;

    public GitHubDeployments(GitHubProtectionRequests requests, GitHubReplies replies, Transactions transactions,
                             Clock clock) {
        this.requests = requests;
        this.replies = replies;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Keeps the request; empty for a redelivery, which changes nothing. */
    public Optional<Long> requested(ProtectionRequest request) {
        return transactions.inTransaction(() -> {
            var kept = requests.keep(request);
            kept.ifPresent(id -> replies.report(id, cut("Changebot received this deployment to " + request.environment()
                    + " and is checking it against the change policy."), clock.instant()));
            return kept;
        });
    }

    /** Tells GitHub where the request stands; false once GitHub's ten reports per deployment are used. */
    public boolean report(long requestId, String text) {
        return transactions.inTransaction(() -> replies.report(requestId, cut(text), clock.instant()));
    }

    /** Approves or rejects the run, once; false when it was decided before. */
    public boolean decide(long requestId, boolean approved, String comment) {
        return transactions.inTransaction(() -> replies.review(requestId, approved, cut(comment), clock.instant()));
    }

    /** At most {@link #MAX_COMMENT} characters, never splitting a surrogate pair, marked when cut. */
    static String cut(String text) {
        if (text.length() <= MAX_COMMENT) {
            return text;
        }
        int end = MAX_COMMENT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
