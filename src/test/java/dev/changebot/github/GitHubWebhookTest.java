package dev.changebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.application.delivery.DeliverGitHubReplies;
import dev.changebot.application.github.GitHubDeployments;
import dev.changebot.support.FakeGitHubApi;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub's deployment protection rule through the running app: signed webhooks to /github/webhook,
 * replies to a fake GitHub API as the App (JWT, then an installation token), durable across a restart,
 * retried on 5xx, paused on rate limits.
 */
@Timeout(120)
class GitHubWebhookTest {

    static final String SECRET = "github-webhook-secret-7c1e";
    static final String REPOSITORY = "acme/api";
    static final long RUN = 4711L;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final TestDatabase db = TestPostgres.freshDatabase();
    FakeSlackApi slack;
    FakeGitHubApi github;
    RunningApp app;
    @TempDir
    Path dir;
    Path keyFile;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlackApi.start();
        github = FakeGitHubApi.start();
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keyFile = dir.resolve("app.pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        app = startApp();
    }

    RunningApp startApp() {
        var properties = new HashMap<String, Object>();
        properties.put("changebot.github.app-id", "123456");
        properties.put("changebot.github.private-key-file", keyFile.toString());
        properties.put("changebot.github.webhook-secret", SECRET);
        properties.put("changebot.github.api-url", github.baseUrl());
        properties.put("changebot.github.replies-interval", 0);
        return RunningApp.start(db, slack, properties, clock);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
        github.close();
    }

    @Test
    void aRequestIsKeptOnceAcknowledgedWithAReportAndReviewedOnceDecided() {
        var response = deliver("d-1", "deployment_protection_rule", requested("production"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response.body()).get("received").getAsString()).isEqualTo("new");
        assertThat(deliver("d-1", "deployment_protection_rule", requested("production")).body()).contains("redelivery");
        assertThat(db.count("github_protection_request")).isEqualTo(1);

        assertThat(drain()).isEqualTo(1);
        var report = github.accepted().get(0);
        assertThat(report.path()).isEqualTo("/repos/acme/api/actions/runs/4711/deployment_protection_rule");
        assertThat(report.authorization()).isEqualTo("Bearer ghs_fake1");
        assertThat(report.body().get("environment_name").getAsString()).isEqualTo("production");
        assertThat(report.body().has("state")).isFalse();
        assertThat(report.body().get("comment").getAsString()).contains("production");
        var tokenCall = github.calls().get(0);
        assertThat(tokenCall.path()).isEqualTo("/app/installations/99/access_tokens");
        assertThat(tokenCall.authorization()).startsWith("Bearer eyJ");

        var requestId = requestId();
        var deployments = app.bean(GitHubDeployments.class);
        assertThat(deployments.decide(requestId, true, "CHG-7 is approved: deploying to production is allowed.")).isTrue();
        assertThat(deployments.decide(requestId, false, "a second decision")).isFalse();
        assertThat(drain()).isEqualTo(1);

        var review = github.accepted().get(1);
        assertThat(review.body().get("state").getAsString()).isEqualTo("approved");
        assertThat(review.body().get("comment").getAsString()).startsWith("CHG-7 is approved");
        assertThat(github.tokensIssued()).as("the token is kept for the second call").isEqualTo(1);
        assertThat(drain()).isZero();
    }

    @Test
    void theDecisionReachesGitHubAfterARestart() {
        deliver("d-2", "deployment_protection_rule", requested("production"));
        var requestId = requestId();
        app.bean(GitHubDeployments.class).decide(requestId, false, "CHG-8 was rejected by @bob: not during the freeze.");
        app.close();

        app = startApp();
        assertThat(drain()).isEqualTo(2);
        assertThat(github.accepted()).extracting(c -> c.body().has("state") ? c.body().get("state").getAsString() : "report")
                .containsExactly("report", "rejected");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndRateLimitsWaitWithoutCountingAsAttempts() {
        deliver("d-3", "deployment_protection_rule", requested("staging"));
        github.answerNext(502, Map.of(), "<html>bad gateway</html>");

        assertThat(drain()).isZero();
        var row = db.rows("SELECT attempts, last_error, next_attempt_at FROM github_reply").get(0);
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_error").toString()).isEqualTo("GitHub answered 502");

        clock.advance(Duration.ofSeconds(2));
        var reset = clock.instant().plusSeconds(900).getEpochSecond();
        github.answerNext(403, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", Long.toString(reset)),
                "{\"message\":\"API rate limit exceeded\"}");
        assertThat(drain()).isZero();
        var limited = db.rows("SELECT attempts, next_attempt_at FROM github_reply").get(0);
        assertThat(limited.get("attempts")).as("a rate limit is not an attempt").isEqualTo(1);
        assertThat(((java.sql.Timestamp) limited.get("next_attempt_at")).toInstant()).isEqualTo(Instant.ofEpochSecond(reset));

        clock.advance(Duration.ofSeconds(600));
        assertThat(drain()).as("not before GitHub's reset").isZero();
        clock.advance(Duration.ofSeconds(301));
        assertThat(drain()).isEqualTo(1);
        assertThat(github.accepted()).hasSize(1);
    }

    @Test
    void aRefusalIsKeptWithGitHubsWordsAndNotRetried() {
        deliver("d-4", "deployment_protection_rule", requested("production"));
        github.answerNext(422, Map.of(), "{\"message\":\"No pending deployment requests to approve or reject\"}");

        assertThat(drain()).isZero();

        var row = db.rows("SELECT failed_at, last_error FROM github_reply").get(0);
        assertThat(row.get("failed_at")).isNotNull();
        assertThat(row.get("last_error").toString()).isEqualTo("GitHub answered 422: No pending deployment requests to approve or reject");
    }

    @Test
    void noMoreThanTenReportsPerDeploymentAndCommentsCutToGitHubsLimit() {
        deliver("d-5", "deployment_protection_rule", requested("production"));
        var requestId = requestId();
        var deployments = app.bean(GitHubDeployments.class);
        for (int i = 2; i <= 10; i++) {
            assertThat(deployments.report(requestId, "x".repeat(2000))).isTrue();
        }
        assertThat(deployments.report(requestId, "the eleventh")).isFalse();

        assertThat(drain()).isEqualTo(10);
        assertThat(github.accepted()).hasSize(10)
                .allSatisfy(c -> assertThat(c.body().get("comment").getAsString().length()).isLessThanOrEqualTo(1024));
    }

    @Test
    void badSignaturesAreRefusedAndNothingIsKept() {
        var body = requested("production");
        var forged = app.post("/github/webhook", body, Map.of("X-GitHub-Event", "deployment_protection_rule",
                "X-GitHub-Delivery", "d-6", "Content-Type", "application/json",
                "X-Hub-Signature-256", new WebhookSignature("not the secret").header(body.getBytes(StandardCharsets.UTF_8))));
        var unsigned = app.post("/github/webhook", body, Map.of("X-GitHub-Event", "deployment_protection_rule",
                "X-GitHub-Delivery", "d-7", "Content-Type", "application/json"));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(json(forged.body()).get("error").getAsString()).isEqualTo("bad_signature");
        assertThat(forged.body()).doesNotContain("Exception");
        assertThat(db.count("github_protection_request")).isZero();
    }

    @Test
    void otherEventsAndActionsAreAcknowledgedAndIgnored() {
        assertThat(deliver("d-8", "ping", "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}").statusCode()).isEqualTo(204);
        assertThat(deliver("d-9", "issues", "{\"action\":\"opened\"}").statusCode()).isEqualTo(204);
        assertThat(deliver("d-10", "deployment_protection_rule", "{\"action\":\"something_new\"}").statusCode()).isEqualTo(204);
        assertThat(db.count("github_protection_request")).isZero();
    }

    @Test
    void unusablePayloadsGetTheReasonAsJson() {
        var noEnvironment = deliver("d-11", "deployment_protection_rule", requested("production").replace("\"environment\":\"production\",", ""));
        var notJson = deliver("d-12", "deployment_protection_rule", "{not json");
        var foreignCallback = deliver("d-13", "deployment_protection_rule",
                requested("production").replace(github.baseUrl() + "/repos/acme/api/actions/runs/4711/", "https://elsewhere.example/repos/acme/api/actions/runs/4711/"));

        assertThat(noEnvironment.statusCode()).isEqualTo(400);
        assertThat(json(noEnvironment.body()).get("message").getAsString()).contains("environment is missing");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).get("error").getAsString()).isEqualTo("malformed");
        // Kept (GitHub did ask), but the installation token never leaves for a host that is not the API.
        assertThat(foreignCallback.statusCode()).isEqualTo(202);
        assertThat(drain()).isZero();
        assertThat(github.accepted()).isEmpty();
        assertThat(db.rows("SELECT last_error FROM github_reply WHERE failed_at IS NOT NULL").get(0).get("last_error").toString())
                .contains("not on the configured GitHub API");
    }

    @Test
    void withoutTheAppConfiguredTheWebhookSaysWhatToSet() {
        app.close();
        app = RunningApp.start(db, slack, Map.of(), clock);

        var response = deliver("d-14", "deployment_protection_rule", requested("production"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response.body()).get("message").getAsString()).contains("CHANGEBOT_GITHUB_APP_ID");
    }

    private int drain() {
        return app.bean(DeliverGitHubReplies.class).drain();
    }

    private long requestId() {
        return ((Number) db.rows("SELECT id FROM github_protection_request").get(0).get("id")).longValue();
    }

    private java.net.http.HttpResponse<String> deliver(String deliveryId, String event, String body) {
        return app.post("/github/webhook", body, Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", deliveryId,
                "Content-Type", "application/json", "User-Agent", "GitHub-Hookshot/abc123",
                "X-Hub-Signature-256", new WebhookSignature(SECRET).header(body.getBytes(StandardCharsets.UTF_8))));
    }

    /** A deployment_protection_rule "requested" payload, shaped as GitHub sends it. */
    private String requested(String environment) {
        return "{\"action\":\"requested\",\"environment\":\"" + environment + "\",\"event\":\"push\","
                + "\"deployment_callback_url\":\"" + github.callbackUrl(REPOSITORY, RUN) + "\","
                + "\"deployment\":{\"url\":\"" + github.baseUrl() + "/repos/acme/api/deployments/1\",\"id\":1,"
                + "\"node_id\":\"DE_kwDOA\",\"task\":\"deploy\",\"original_environment\":\"" + environment + "\","
                + "\"environment\":\"" + environment + "\",\"description\":null,\"created_at\":\"2026-12-02T09:59:58Z\","
                + "\"updated_at\":\"2026-12-02T09:59:58Z\",\"statuses_url\":\"" + github.baseUrl() + "/repos/acme/api/deployments/1/statuses\","
                + "\"repository_url\":\"" + github.baseUrl() + "/repos/acme/api\",\"creator\":{\"login\":\"github-actions[bot]\",\"id\":41898282},"
                + "\"sha\":\"a3f5c0e9d1b2c4e6f8a0b1c2d3e4f5a6b7c8d9e0\",\"ref\":\"main\",\"payload\":{},\"transient_environment\":false,"
                + "\"production_environment\":true,\"performed_via_github_app\":null},"
                + "\"pull_requests\":[],"
                + "\"repository\":{\"id\":123,\"node_id\":\"R_kgDO\",\"name\":\"api\",\"full_name\":\"acme/api\",\"private\":true,"
                + "\"owner\":{\"login\":\"acme\",\"id\":9}},"
                + "\"organization\":{\"login\":\"acme\",\"id\":9},"
                + "\"installation\":{\"id\":99,\"node_id\":\"MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uOTk=\"},"
                + "\"sender\":{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}}";
    }

    private static com.google.gson.JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }
}
