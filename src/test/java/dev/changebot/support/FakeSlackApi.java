package dev.changebot.support;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the Slack Web API: a real HTTP server in the test JVM that answers the methods
 * the bot calls the way Slack does, and records every call. A test can script the next answers
 * of a method (a 429 with Retry-After, a 500...) to see how the bot copes. Messages and views
 * over Slack's size limits are refused as Slack refuses them ({@link BlockKitLimits}), so every
 * test through this fake also checks that what the bot sends would be accepted.
 */
public final class FakeSlackApi implements AutoCloseable {

    public static final String TEAM_ID = "T0CHANGE";
    public static final String BOT_USER_ID = "UBOT";

    private final HttpServer server;
    private final List<SlackCall> calls = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<ScriptedAnswer>> scripted = new HashMap<>();
    private final HeldCalls held = new HeldCalls();
    private final AtomicLong messageClock = new AtomicLong(1_700_000_000L);
    private final Map<String, List<String>> userGroups = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> bots = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Bytes POSTed to the upload URLs files.getUploadURLExternal handed out, by file id. */
    private final Map<String, byte[]> uploads = new java.util.concurrent.ConcurrentHashMap<>();

    private FakeSlackApi(HttpServer server) {
        this.server = server;
    }

    public static FakeSlackApi start() {
        // Without TCP_NODELAY the JDK server's replies meet delayed ACKs: ~40 ms per call that
        // real Slack does not add.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var fake = new FakeSlackApi(server);
            server.createContext("/api/", fake::handle);
            server.createContext("/upload/", fake::receiveUpload);
            // A thread per call, as Slack answers calls at once: a held call (holdNext) holds only itself.
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(call -> {
                var thread = new Thread(call, "fake-slack-api");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the fake Slack API", e);
        }
    }

    /** What to give the app as SLACK_API_URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<SlackCall> calls() {
        return List.copyOf(calls);
    }

    public List<SlackCall> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /**
     * Every call refused for breaking Slack's limits so far, with Slack's reasons, and forgets them:
     * a test that means to break the limits takes the refusals; any left at {@link #close()} fail the test.
     */
    public List<String> takeRefusals() {
        var taken = List.copyOf(refusals);
        refusals.removeAll(taken);
        return taken;
    }

    public void clear() {
        calls.clear();
    }

    /** What was uploaded for a file id (files upload v2's second step); null when nothing was. */
    public byte[] uploaded(String fileId) {
        return uploads.get(fileId);
    }

    /** The upload step: Slack answers a plain "OK - <length>". */
    private void receiveUpload(HttpExchange exchange) throws IOException {
        var id = exchange.getRequestURI().getPath().substring("/upload/".length());
        var bytes = exchange.getRequestBody().readAllBytes();
        uploads.put(id, bytes);
        calls.add(new SlackCall("upload", Map.of("file_id", id, "length", String.valueOf(bytes.length)), null,
                System.nanoTime()));
        var answer = ("OK - " + bytes.length).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        try (var out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** users.info will say this user is a bot. */
    public void bot(String userId) {
        bots.add(userId);
    }

    /** A Slack user group (by handle) and its members, as usergroups.list answers it. */
    public void userGroup(String handle, String... members) {
        userGroups.put(handle, List.of(members));
    }

    /**
     * The next call of {@code method} is answered only when the returned latch is counted down (at
     * most 30 s later): Slack being slow to answer.
     */
    public java.util.concurrent.CountDownLatch holdNext(String method) {
        return held.holdNext(method);
    }

    /** The next call of {@code method} gets this answer instead of the usual success. */
    public synchronized void answerNext(String method, int status, String body, Map<String, String> headers) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new ScriptedAnswer(status, body, headers));
    }

    private void handle(HttpExchange exchange) throws IOException {
        var method = exchange.getRequestURI().getPath().substring("/api/".length());
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        var params = contentType != null && contentType.startsWith("application/json") ? jsonParams(body) : formParams(body);
        calls.add(new SlackCall(method, params, exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime()));
        held.waitIfHeld(method);
        var answer = nextScripted(method);
        if (answer == null) {
            var refusal = BlockKitLimits.check(method, params);
            if (refusal != null) {
                refusals.add(method + ": " + refusal.error() + " " + refusal.messages());
            }
            answer = new ScriptedAnswer(200, refusal != null ? refusal.json() : success(method, params).toString(), Map.of());
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized ScriptedAnswer nextScripted(String method) {
        var queue = scripted.get(method);
        return queue == null ? null : queue.poll();
    }

    private JsonObject success(String method, Map<String, String> params) {
        var json = new JsonObject();
        json.addProperty("ok", true);
        switch (method) {
            case "auth.test" -> {
                json.addProperty("url", "https://changebot-test.slack.com/");
                json.addProperty("team", "Changebot Test");
                json.addProperty("user", "changebot");
                json.addProperty("team_id", TEAM_ID);
                json.addProperty("user_id", BOT_USER_ID);
                json.addProperty("bot_id", "BBOT");
            }
            case "chat.postMessage" -> {
                json.addProperty("channel", params.get("channel"));
                json.addProperty("ts", nextTs());
            }
            case "chat.update" -> {
                json.addProperty("channel", params.get("channel"));
                json.addProperty("ts", params.get("ts"));
            }
            case "chat.postEphemeral" -> json.addProperty("message_ts", nextTs());
            case "chat.getPermalink" -> {
                json.addProperty("channel", params.get("channel"));
                json.addProperty("permalink", "https://changebot-test.slack.com/archives/" + params.get("channel") + "/p"
                        + String.valueOf(params.get("message_ts")).replace(".", ""));
            }
            case "users.info" -> {
                var user = new JsonObject();
                user.addProperty("id", params.get("user"));
                user.addProperty("team_id", TEAM_ID);
                user.addProperty("name", String.valueOf(params.get("user")).toLowerCase());
                user.addProperty("is_bot", bots.contains(params.get("user")));
                user.addProperty("tz", "Europe/Berlin");
                json.add("user", user);
            }
            case "usergroups.list" -> json.add("usergroups", userGroupsJson(Set.of("1", "true").contains(params.get("include_users"))));
            case "conversations.open" -> {
                var channel = new JsonObject();
                channel.addProperty("id", "D" + params.getOrDefault("users", "X"));
                json.add("channel", channel);
            }
            case "files.getUploadURLExternal" -> {
                var id = "F" + messageClock.incrementAndGet();
                json.addProperty("file_id", id);
                json.addProperty("upload_url", baseUrl() + "/upload/" + id);
            }
            case "files.completeUploadExternal" -> {
                var files = new com.google.gson.JsonArray();
                JsonParser.parseString(params.getOrDefault("files", "[]")).getAsJsonArray().forEach(f -> {
                    var file = new JsonObject();
                    file.addProperty("id", f.getAsJsonObject().get("id").getAsString());
                    files.add(file);
                });
                json.add("files", files);
            }
            case "views.open" -> {
                var view = new JsonObject();
                view.addProperty("id", "V" + messageClock.incrementAndGet());
                json.add("view", view);
            }
            default -> {
                // Slack answers {"ok":true} for the rest of what we call.
            }
        }
        return json;
    }

    private com.google.gson.JsonArray userGroupsJson(boolean withUsers) {
        var groups = new com.google.gson.JsonArray();
        userGroups.forEach((handle, members) -> {
            var group = new JsonObject();
            group.addProperty("id", "S" + Math.abs(handle.hashCode()));
            group.addProperty("team_id", TEAM_ID);
            group.addProperty("handle", handle);
            group.addProperty("name", handle);
            group.addProperty("is_usergroup", true);
            if (withUsers) {
                var users = new com.google.gson.JsonArray();
                members.forEach(users::add);
                group.add("users", users);
                group.addProperty("user_count", members.size());
            }
            groups.add(group);
        });
        return groups;
    }

    private String nextTs() {
        return messageClock.incrementAndGet() + ".000100";
    }

    private static Map<String, String> formParams(String body) {
        var params = new LinkedHashMap<String, String>();
        if (body.isEmpty()) {
            return params;
        }
        for (var pair : body.split("&")) {
            var eq = pair.indexOf('=');
            var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static Map<String, String> jsonParams(String body) {
        var params = new LinkedHashMap<String, String>();
        for (Map.Entry<String, JsonElement> e : JsonParser.parseString(body).getAsJsonObject().entrySet()) {
            params.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString());
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        if (server.getExecutor() instanceof java.util.concurrent.ExecutorService calls) {
            calls.shutdownNow();
        }
        if (!refusals.isEmpty()) {
            throw new AssertionError("Slack would have refused what the bot sent: " + refusals);
        }
    }

    private record ScriptedAnswer(int status, String body, Map<String, String> headers) {
    }
}
