package dev.changebot.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stand-in for GitHub's REST API, as a GitHub App uses it for deployment protection rules: a real
 * HTTP server in the test JVM that issues installation tokens for a valid-looking App JWT, accepts
 * status reports and reviews on {@code /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule}
 * only with a token it issued, and records every call. A test can script the next answers (a 502, a
 * rate limit) to see how Changebot copes.
 */
public final class FakeGitHubApi implements AutoCloseable {

    private static final Pattern REVIEW_PATH = Pattern.compile("/repos/[^/]+/[^/]+/actions/runs/[0-9]+/deployment_protection_rule");
    private static final Pattern TOKEN_PATH = Pattern.compile("/app/installations/([0-9]+)/access_tokens");

    /** One call as GitHub received it. */
    public record Call(String method, String path, String authorization, JsonObject body) {
    }

    /** A scripted answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<Answer> scripted = new ArrayDeque<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenCount = new AtomicInteger();

    private FakeGitHubApi(HttpServer server) {
        this.server = server;
    }

    public static FakeGitHubApi start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var fake = new FakeGitHubApi(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The run's protection-rule endpoint, as GitHub puts it in deployment_callback_url. */
    public String callbackUrl(String repository, long runId) {
        return baseUrl() + "/repos/" + repository + "/actions/runs/" + runId + "/deployment_protection_rule";
    }

    /** The next answer to a protection-rule call (not to token requests). */
    public synchronized void answerNext(int status, Map<String, String> headers, String body) {
        scripted.add(new Answer(status, headers, body));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The status reports and reviews GitHub accepted, in order. */
    public List<Call> accepted() {
        return calls.stream().filter(c -> REVIEW_PATH.matcher(c.path()).matches()).filter(c -> c.body().has("accepted")).toList();
    }

    public int tokensIssued() {
        return tokenCount.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var body = text.isBlank() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
            var authorization = exchange.getRequestHeaders().getFirst("Authorization");
            var call = new Call(exchange.getRequestMethod(), path, authorization, body);
            calls.add(call);
            var token = TOKEN_PATH.matcher(path);
            if (token.matches() && "POST".equals(exchange.getRequestMethod())) {
                if (authorization == null || !authorization.matches("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
                    reply(exchange, 401, Map.of(), "{\"message\":\"A JSON web token could not be decoded\"}");
                    return;
                }
                var issuedToken = "ghs_fake" + tokenCount.incrementAndGet();
                issued.add(issuedToken);
                reply(exchange, 201, Map.of(), "{\"token\":\"" + issuedToken + "\",\"expires_at\":\""
                        + Instant.now().plusSeconds(3600) + "\"}");
                return;
            }
            if (REVIEW_PATH.matcher(path).matches() && "POST".equals(exchange.getRequestMethod())) {
                Answer next;
                synchronized (this) {
                    next = scripted.poll();
                }
                if (next != null) {
                    reply(exchange, next.status(), next.headers(), next.body());
                    return;
                }
                if (authorization == null || !issued.contains(authorization.replaceFirst("^Bearer ", ""))) {
                    reply(exchange, 401, Map.of(), "{\"message\":\"Bad credentials\"}");
                    return;
                }
                if (!body.has("environment_name") || !body.has("comment") || body.get("comment").getAsString().length() > 1024) {
                    reply(exchange, 422, Map.of(), "{\"message\":\"Invalid request.\"}");
                    return;
                }
                body.addProperty("accepted", true);
                reply(exchange, 204, Map.of(), "");
                return;
            }
            reply(exchange, 404, Map.of(), "{\"message\":\"Not Found\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (status != 204 && bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
