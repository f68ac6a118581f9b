package dev.changebot.github;

import static dev.changebot.github.GitHubFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.github.GitHubDeployments;
import dev.changebot.support.RunningApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * /github/webhook and the way back to GitHub: signatures, events, redeliveries, unusable payloads; the
 * replies sent as the App (JWT, then an installation token), retried on 5xx, paused on rate limits,
 * refusals kept. (What is decided: GitHubGateFlowTest.)
 */
@Timeout(120)
class GitHubWebhookTest extends WithGitHubApp {

    @Test
    void aRequestIsKeptOnceAndAnsweredAsTheApp() {
        var response = gh.deliver("d-1", "deployment_protection_rule", gh.requested("production", "main"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response.body()).get("received").getAsString()).isEqualTo("new");
        assertThat(gh.deliver("d-1", "deployment_protection_rule", gh.requested("production", "main")).body())
                .contains("redelivery");
        assertThat(gh.db.count("github_protection_request")).isEqualTo(1);
        assertThat(gh.db.count("gate_check")).as("a redelivery opens no second check").isEqualTo(1);

        assertThat(gh.drain()).isEqualTo(1);
        var review = gh.github.accepted().get(0);
        assertThat(review.path()).isEqualTo("/repos/acme/api/actions/runs/4711/deployment_protection_rule");
        assertThat(review.authorization()).isEqualTo("Bearer ghs_fake1");
        assertThat(review.body().get("environment_name").getAsString()).isEqualTo("production");
        var tokenCall = gh.github.calls().get(0);
        assertThat(tokenCall.path()).isEqualTo("/app/installations/99/access_tokens");
        assertThat(tokenCall.authorization()).startsWith("Bearer eyJ");

        gh.app.bean(GitHubDeployments.class).report(gh.requestId(), "one more word");
        assertThat(gh.drain()).isEqualTo(1);
        assertThat(gh.github.tokensIssued()).as("the token is kept for the second call").isEqualTo(1);
        assertThat(gh.drain()).isZero();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndRateLimitsWaitWithoutCountingAsAttempts() {
        gh.deliver("d-3", "deployment_protection_rule", gh.requested("staging", "main"));
        gh.github.answerNext(502, Map.of(), "<html>bad gateway</html>");

        assertThat(gh.drain()).isZero();
        var row = gh.db.rows("SELECT attempts, last_error FROM github_reply").get(0);
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_error").toString()).isEqualTo("GitHub answered 502");

        gh.clock.advance(Duration.ofSeconds(2));
        var reset = gh.clock.instant().plusSeconds(900).getEpochSecond();
        gh.github.answerNext(403, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", Long.toString(reset)),
                "{\"message\":\"API rate limit exceeded\"}");
        assertThat(gh.drain()).isZero();
        var limited = gh.db.rows("SELECT attempts, next_attempt_at FROM github_reply").get(0);
        assertThat(limited.get("attempts")).as("a rate limit is not an attempt").isEqualTo(1);
        assertThat(((java.sql.Timestamp) limited.get("next_attempt_at")).toInstant()).isEqualTo(Instant.ofEpochSecond(reset));

        gh.clock.advance(Duration.ofSeconds(600));
        assertThat(gh.drain()).as("not before GitHub's reset").isZero();
        gh.clock.advance(Duration.ofSeconds(301));
        assertThat(gh.drain()).isEqualTo(1);
        assertThat(gh.github.accepted()).hasSize(1);
    }

    @Test
    void aRefusalIsKeptWithGitHubsWordsAndNotRetried() {
        gh.deliver("d-4", "deployment_protection_rule", gh.requested("production", "main"));
        gh.github.answerNext(422, Map.of(), "{\"message\":\"No pending deployment requests to approve or reject\"}");

        assertThat(gh.drain()).isZero();

        var row = gh.db.rows("SELECT failed_at, last_error FROM github_reply").get(0);
        assertThat(row.get("failed_at")).isNotNull();
        assertThat(row.get("last_error").toString()).isEqualTo("GitHub answered 422: No pending deployment requests to approve or reject");
    }

    @Test
    void noMoreThanTenReportsPerDeploymentAndCommentsCutToGitHubsLimit() {
        gh.deliver("d-5", "deployment_protection_rule", gh.requested("production", "chg-77"));
        var requestId = gh.requestId();
        var deployments = gh.app.bean(GitHubDeployments.class);
        var already = ((Number) gh.db.rows("SELECT count(*) AS n FROM github_reply WHERE kind = 'report'").get(0).get("n")).intValue();
        for (int i = already + 1; i <= 10; i++) {
            assertThat(deployments.report(requestId, "x".repeat(2000))).isTrue();
        }
        assertThat(deployments.report(requestId, "the eleventh")).isFalse();

        assertThat(gh.drain()).isEqualTo((int) gh.db.count("github_reply"));
        assertThat(gh.github.accepted()).filteredOn(c -> !c.body().has("state")).hasSize(10);
        assertThat(gh.github.accepted())
                .allSatisfy(c -> assertThat(c.body().get("comment").getAsString().length()).isLessThanOrEqualTo(1024));
    }

    @Test
    void badSignaturesAreRefusedAndNothingIsKept() {
        var body = gh.requested("production", "main");
        var forged = gh.app.post("/github/webhook", body, Map.of("X-GitHub-Event", "deployment_protection_rule",
                "X-GitHub-Delivery", "d-6", "Content-Type", "application/json",
                "X-Hub-Signature-256", new WebhookSignature("not the secret").header(body.getBytes(StandardCharsets.UTF_8))));
        var unsigned = gh.app.post("/github/webhook", body, Map.of("X-GitHub-Event", "deployment_protection_rule",
                "X-GitHub-Delivery", "d-7", "Content-Type", "application/json"));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(json(forged.body()).get("error").getAsString()).isEqualTo("bad_signature");
        assertThat(forged.body()).doesNotContain("Exception");
        assertThat(gh.db.count("github_protection_request")).isZero();
        assertThat(gh.db.count("gate_check")).isZero();
    }

    @Test
    void otherEventsAndActionsAreAcknowledgedAndIgnored() {
        assertThat(gh.deliver("d-8", "ping", "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}").statusCode()).isEqualTo(204);
        assertThat(gh.deliver("d-9", "issues", "{\"action\":\"opened\"}").statusCode()).isEqualTo(204);
        assertThat(gh.deliver("d-10", "deployment_protection_rule", "{\"action\":\"something_new\"}").statusCode()).isEqualTo(204);
        assertThat(gh.db.count("github_protection_request")).isZero();
    }

    @Test
    void unusablePayloadsGetTheReasonAsJson() {
        var noEnvironment = gh.deliver("d-11", "deployment_protection_rule",
                gh.requested("production", "main").replace("\"environment\":\"production\",\"event\"", "\"event\""));
        var notJson = gh.deliver("d-12", "deployment_protection_rule", "{not json");
        var foreignCallback = gh.deliver("d-13", "deployment_protection_rule", gh.requested("production", "main")
                .replace(gh.github.baseUrl() + "/repos/acme/api/actions/runs/4711/",
                        "https://elsewhere.example/repos/acme/api/actions/runs/4711/"));

        assertThat(noEnvironment.statusCode()).isEqualTo(400);
        assertThat(json(noEnvironment.body()).get("message").getAsString()).contains("environment is missing");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).get("error").getAsString()).isEqualTo("malformed");
        // Kept (GitHub did ask), but the installation token never leaves for a host that is not the API.
        assertThat(foreignCallback.statusCode()).isEqualTo(202);
        assertThat(gh.drain()).isZero();
        assertThat(gh.github.accepted()).isEmpty();
        assertThat(gh.db.rows("SELECT last_error FROM github_reply WHERE failed_at IS NOT NULL").get(0).get("last_error").toString())
                .contains("not on the configured GitHub API");
    }

    @Test
    void withoutTheAppConfiguredTheWebhookSaysWhatToSet() {
        gh.app.close();
        gh.app = RunningApp.start(gh.db, gh.slack, Map.of(), gh.clock);

        var response = gh.deliver("d-14", "deployment_protection_rule", gh.requested("production", "main"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response.body()).get("message").getAsString()).contains("CHANGEBOT_GITHUB_APP_ID");
    }
}
