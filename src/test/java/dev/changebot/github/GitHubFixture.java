package dev.changebot.github;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.application.delivery.DeliverGitHubReplies;
import dev.changebot.support.FakeGitHubApi;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The app as a GitHub App against a fake GitHub API: signed webhooks in, replies drained by hand, the
 * policy test-github.yaml (acme/api is service api). Payloads are shaped as GitHub sends them.
 */
final class GitHubFixture implements AutoCloseable {

    static final String SECRET = "github-webhook-secret-7c1e";
    static final String POLICY = "src/test/resources/policies/test-github.yaml";
    static final long RUN = 4711L;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final TestDatabase db = TestPostgres.freshDatabase();
    final FakeSlackApi slack = FakeSlackApi.start();
    final FakeGitHubApi github = FakeGitHubApi.start();
    private final Path keyFile;
    RunningApp app;

    GitHubFixture(Path dir) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keyFile = dir.resolve("app.pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        app = start();
    }

    RunningApp start() {
        var properties = new HashMap<String, Object>();
        properties.put("changebot.policy", POLICY);
        properties.put("changebot.github.app-id", "123456");
        properties.put("changebot.github.private-key-file", keyFile.toString());
        properties.put("changebot.github.webhook-secret", SECRET);
        properties.put("changebot.github.api-url", github.baseUrl());
        properties.put("changebot.github.workspace", FakeSlackApi.TEAM_ID);
        properties.put("changebot.github.replies-interval", 0);
        properties.put("changebot.gate.poll", "0s");
        return RunningApp.start(db, slack, properties, clock);
    }

    void restart() {
        app.close();
        app = start();
    }

    int drain() {
        return app.bean(DeliverGitHubReplies.class).drain();
    }

    HttpResponse<String> deliver(String deliveryId, String event, String body) {
        return app.post("/github/webhook", body, Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", deliveryId,
                "Content-Type", "application/json", "User-Agent", "GitHub-Hookshot/abc123",
                "X-Hub-Signature-256", new WebhookSignature(SECRET).header(body.getBytes(StandardCharsets.UTF_8))));
    }

    /** A deployment_protection_rule "requested" payload from acme/api, shaped as GitHub sends it. */
    String requested(String environment, String ref) {
        return requested("acme/api", environment, ref);
    }

    String requested(String repository, String environment, String ref) {
        var base = github.baseUrl() + "/repos/" + repository;
        return "{\"action\":\"requested\",\"environment\":\"" + environment + "\",\"event\":\"push\","
                + "\"deployment_callback_url\":\"" + github.callbackUrl(repository, RUN) + "\","
                + "\"deployment\":{\"url\":\"" + base + "/deployments/1\",\"id\":1,"
                + "\"node_id\":\"DE_kwDOA\",\"task\":\"deploy\",\"original_environment\":\"" + environment + "\","
                + "\"environment\":\"" + environment + "\",\"description\":null,\"created_at\":\"2026-12-02T09:59:58Z\","
                + "\"updated_at\":\"2026-12-02T09:59:58Z\",\"statuses_url\":\"" + base + "/deployments/1/statuses\","
                + "\"repository_url\":\"" + base + "\",\"creator\":{\"login\":\"github-actions[bot]\",\"id\":41898282},"
                + "\"sha\":\"a3f5c0e9d1b2c4e6f8a0b1c2d3e4f5a6b7c8d9e0\",\"ref\":\"" + ref + "\",\"payload\":{},"
                + "\"transient_environment\":false,\"production_environment\":true,\"performed_via_github_app\":null},"
                + "\"pull_requests\":[],"
                + "\"repository\":{\"id\":123,\"node_id\":\"R_kgDO\",\"name\":\"api\",\"full_name\":\"" + repository + "\","
                + "\"private\":true,\"owner\":{\"login\":\"acme\",\"id\":9}},"
                + "\"organization\":{\"login\":\"acme\",\"id\":9},"
                + "\"installation\":{\"id\":99,\"node_id\":\"MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uOTk=\"},"
                + "\"sender\":{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}}";
    }

    /**
     * A deployment_status "created" payload for deployment {@code deploymentId} of {@code repository},
     * shaped as GitHub sends it when a workflow run sets the status (with its workflow_run).
     */
    String deploymentStatus(String repository, String environment, String state, long deploymentId, String ref) {
        var base = github.baseUrl() + "/repos/" + repository;
        var deployment = base + "/deployments/" + deploymentId;
        return "{\"action\":\"created\",\"deployment_status\":{\"url\":\"" + deployment + "/statuses/77\",\"id\":77,"
                + "\"node_id\":\"DES_kwDOA\",\"state\":\"" + state + "\",\"creator\":{\"login\":\"github-actions[bot]\","
                + "\"id\":41898282,\"type\":\"Bot\"},\"description\":\"\",\"environment\":\"" + environment + "\","
                + "\"target_url\":\"https://github.com/" + repository + "/actions/runs/" + RUN + "/job/1\","
                + "\"created_at\":\"2026-03-10T10:05:00Z\",\"updated_at\":\"2026-03-10T10:05:00Z\","
                + "\"deployment_url\":\"" + deployment + "\",\"repository_url\":\"" + base + "\","
                + "\"environment_url\":\"https://api.acme.example\",\"log_url\":\"https://github.com/" + repository
                + "/actions/runs/" + RUN + "/job/1\",\"performed_via_github_app\":null},"
                + "\"deployment\":{\"url\":\"" + deployment + "\",\"id\":" + deploymentId + ",\"node_id\":\"DE_kwDOA\","
                + "\"task\":\"deploy\",\"original_environment\":\"" + environment + "\",\"environment\":\"" + environment
                + "\",\"description\":null,\"created_at\":\"2026-03-10T10:00:00Z\",\"updated_at\":\"2026-03-10T10:05:00Z\","
                + "\"statuses_url\":\"" + deployment + "/statuses\",\"repository_url\":\"" + base + "\","
                + "\"creator\":{\"login\":\"github-actions[bot]\",\"id\":41898282},"
                + "\"sha\":\"a3f5c0e9d1b2c4e6f8a0b1c2d3e4f5a6b7c8d9e0\",\"ref\":\"" + ref + "\",\"payload\":{},"
                + "\"transient_environment\":false,\"production_environment\":true,\"performed_via_github_app\":null},"
                + "\"workflow_run\":{\"id\":" + RUN + ",\"name\":\"deploy\",\"run_attempt\":1,"
                + "\"html_url\":\"https://github.com/" + repository + "/actions/runs/" + RUN + "\"},"
                + "\"repository\":{\"id\":123,\"node_id\":\"R_kgDO\",\"name\":\"api\",\"full_name\":\"" + repository + "\","
                + "\"html_url\":\"https://github.com/" + repository + "\",\"private\":true,"
                + "\"owner\":{\"login\":\"acme\",\"id\":9}},"
                + "\"organization\":{\"login\":\"acme\",\"id\":9},"
                + "\"installation\":{\"id\":99,\"node_id\":\"MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uOTk=\"},"
                + "\"sender\":{\"login\":\"github-actions[bot]\",\"id\":41898282,\"type\":\"Bot\"}}";
    }

    long requestId() {
        return ((Number) db.rows("SELECT id FROM github_protection_request ORDER BY id").get(0).get("id")).longValue();
    }

    static JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    @Override
    public void close() {
        app.close();
        slack.close();
        github.close();
    }
}
