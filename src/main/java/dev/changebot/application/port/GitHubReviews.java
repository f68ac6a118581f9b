package dev.changebot.application.port;

import java.time.Instant;
import java.util.Optional;

/** GitHub's REST API for deployment protection rules, as the GitHub App. */
public interface GitHubReviews {

    /**
     * Posts to the run's protection rule: a status report when {@code state} is empty, else the
     * review ({@code approved} or {@code rejected}) with its comment.
     */
    Outcome send(long installationId, String callbackUrl, String environment, Optional<String> state, String comment);

    sealed interface Outcome {

        record Sent() implements Outcome {
        }

        /** GitHub's rate limits: not before {@code notBefore}; not a failed attempt. */
        record Wait(Instant notBefore, String why) implements Outcome {
        }

        /** {@code retryable}: a 5xx or the network; otherwise GitHub refused it for good. */
        record Failed(String error, boolean retryable) implements Outcome {
        }
    }
}
