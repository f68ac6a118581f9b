package dev.changebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.port.GitHubReviews.Outcome;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GitHub's answers read by its rate-limit rules. */
class GitHubAnswersTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void successIsSent() {
        assertThat(GitHubAnswers.outcome(204, headers(Map.of()), "", NOW)).isInstanceOf(Outcome.Sent.class);
        assertThat(GitHubAnswers.outcome(200, headers(Map.of()), "{}", NOW)).isInstanceOf(Outcome.Sent.class);
    }

    @Test
    void retryAfterIsAWaitOfThatManySeconds() {
        var outcome = GitHubAnswers.outcome(403, headers(Map.of("retry-after", "30")), "{\"message\":\"secondary rate limit\"}", NOW);
        assertThat(outcome).isEqualTo(new Outcome.Wait(NOW.plusSeconds(30), "GitHub's secondary rate limit"));
        assertThat(GitHubAnswers.outcome(429, headers(Map.of("retry-after", "0")), "", NOW))
                .isEqualTo(new Outcome.Wait(NOW.plusSeconds(1), "GitHub's secondary rate limit"));
    }

    @Test
    void anExhaustedLimitWaitsForItsResetAndABare429ForAMinute() {
        var reset = NOW.plusSeconds(1200);
        var outcome = GitHubAnswers.outcome(403, headers(Map.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", Long.toString(reset.getEpochSecond()))), "", NOW);
        assertThat(((Outcome.Wait) outcome).notBefore()).isEqualTo(reset);
        assertThat(((Outcome.Wait) GitHubAnswers.outcome(429, headers(Map.of()), "", NOW)).notBefore()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void a403WithoutALimitIsAPermissionProblemAndFinal() {
        var outcome = GitHubAnswers.outcome(403, headers(Map.of("x-ratelimit-remaining", "4999")),
                "{\"message\":\"Resource not accessible by integration\"}", NOW);
        assertThat(outcome).isEqualTo(new Outcome.Failed("GitHub answered 403: Resource not accessible by integration", false));
    }

    @Test
    void serverErrorsAndExpiredTokensAreRetried() {
        assertThat(GitHubAnswers.outcome(503, headers(Map.of()), "<html>", NOW)).isEqualTo(new Outcome.Failed("GitHub answered 503", true));
        assertThat(((Outcome.Failed) GitHubAnswers.outcome(401, headers(Map.of()), "{\"message\":\"Bad credentials\"}", NOW)).retryable()).isTrue();
    }

    @Test
    void longMessagesAreCut() {
        var outcome = (Outcome.Failed) GitHubAnswers.outcome(422, headers(Map.of()), "{\"message\":\"" + "m".repeat(5000) + "\"}", NOW);
        assertThat(outcome.error().length()).isLessThan(350);
    }

    private static HttpHeaders headers(Map<String, String> values) {
        var map = new java.util.HashMap<String, List<String>>();
        values.forEach((k, v) -> map.put(k, List.of(v)));
        return HttpHeaders.of(map, (a, b) -> true);
    }
}
