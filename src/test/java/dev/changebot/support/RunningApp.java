package dev.changebot.support;

import com.slack.api.app_backend.SlackSignature;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole application on a random port, wired to a test database and the fake Slack, spoken
 * to over real HTTP with requests signed the way Slack signs them.
 */
public final class RunningApp implements AutoCloseable {

    public static final String SIGNING_SECRET = "test-signing-secret-8f2a";
    public static final String BOT_TOKEN = "xoxb-test-token";
    /** One reviewer role (U0REVIEW, U0ALICE, U0BOB) approving "normal" changes in one step. */
    public static final String TEST_POLICY = "src/test/resources/policies/test-simple.yaml";

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningApp(ApplicationContext context) {
        this.context = context;
        this.server = context.getBean(EmbeddedServer.class);
    }

    /** HTTP mode against the fake Slack. */
    public static RunningApp start(TestDatabase database, FakeSlackApi slack) {
        return start(database, slack, Map.of());
    }

    public static RunningApp start(TestDatabase database, FakeSlackApi slack, Map<String, Object> extra) {
        return start(database, slack, extra, null);
    }

    public static RunningApp start(TestDatabase database, FakeSlackApi slack, Map<String, Object> extra, Clock clock) {
        var properties = new HashMap<String, Object>(database.properties());
        properties.put("slack.bot-token", BOT_TOKEN);
        properties.put("slack.signing-secret", SIGNING_SECRET);
        properties.put("slack.api-url", slack.baseUrl());
        properties.put("changebot.policy", TEST_POLICY);
        properties.putAll(extra);
        return startWith(properties, clock);
    }

    /** Exactly these properties; the environment (a developer's SLACK_* or database vars) is ignored. */
    public static RunningApp startWith(Map<String, Object> properties) {
        return startWith(properties, null);
    }

    /** With a clock the test controls standing in for the system clock. */
    public static RunningApp startWith(Map<String, Object> properties, Clock clock) {
        var all = new HashMap<String, Object>(properties);
        all.put("micronaut.server.port", -1);
        // No background pump: tests deliver the Slack outbox themselves, right after each request.
        all.putIfAbsent("changebot.outbox.interval", 0);
        // The audit signing key of this test's database, not one in the real ~/.changebot.
        var url = all.get("datasources.default.url");
        if (url != null && !all.containsKey("changebot.data-dir")) {
            all.putIfAbsent("changebot.audit.key-file", auditKeyFile(url.toString()).toString());
        }
        if (clock != null) {
            // Timers come due when the test moves its clock, and the test fires them itself (or
            // through the poller's fireDue): the poller looks at start-up and when a timer is armed,
            // but no periodic look may race the test between moving the clock and firing by hand.
            all.putIfAbsent("changebot.timers.max-sleep", "1h");
        }
        var builder = ApplicationContext.builder()
                .environmentPropertySource(false)
                .properties(all)
                .deduceEnvironment(false);
        if (clock != null) {
            builder.singletons(clock);
        }
        var context = builder.start();
        context.getBean(EmbeddedServer.class).start();
        return new RunningApp(context);
    }

    /**
     * Where apps on this test database keep their audit signing key: one key per database, so an app
     * started again on it (a restart test) finds the key its checkpoints were signed with.
     */
    public static java.nio.file.Path auditKeyFile(String databaseUrl) {
        var name = databaseUrl.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        return java.nio.file.Path.of("target", "audit-keys", name + ".pem").toAbsolutePath();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public URI uri(String path) {
        return server.getURI().resolve(path);
    }

    /** Signed with the test secret at the current time, as Slack would. */
    public HttpResponse<String> slack(String body, String contentType) {
        // Signatures are fresh in real time, whatever business time a test has set.
        return slackSignedAt(body, contentType, Clock.systemUTC().instant());
    }

    /** Signed at {@code at}; then delivers what the request put in the Slack outbox, as the pump would. */
    public HttpResponse<String> slackSignedAt(String body, String contentType, Instant at) {
        var response = slackUndelivered(body, contentType, at);
        deliverOutbox();
        return response;
    }

    /** Signed and sent, leaving the Slack outbox undelivered (as if the app died right after the ack). */
    public HttpResponse<String> slackUndelivered(String body, String contentType, Instant at) {
        return post("/slack/events", body, signedHeaders(body, contentType, at));
    }

    /** The headers Slack sends with a request signed at {@code at} with the test secret. */
    public static Map<String, String> signedHeaders(String body, String contentType, Instant at) {
        var timestamp = Long.toString(at.getEpochSecond());
        var signature = new SlackSignature.Generator(SIGNING_SECRET).generate(timestamp, body);
        return Map.of("Content-Type", contentType, "X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature);
    }

    /** Delivers everything due in the Slack outbox now; how many messages went out. */
    public int deliverOutbox() {
        return context.getBean(dev.changebot.application.delivery.DeliverOutbox.class).drain();
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        var response = send(request.build());
        if (path.startsWith("/slack/")) {
            // An answer in the ack (a slash command's reply, a view update) is held to Slack's limits
            // just as the fake Web API holds calls: Slack would show the person an error instead.
            var problems = BlockKitLimits.checkResponse(response.body());
            if (!problems.isEmpty()) {
                throw new AssertionError("Slack would refuse this answer: " + problems);
            }
        }
        return response;
    }

    /** PUT of a JSON body. */
    public HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** GET with these headers (an Authorization, say). */
    public HttpResponse<String> getWith(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
