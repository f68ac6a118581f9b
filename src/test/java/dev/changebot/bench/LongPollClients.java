package dev.changebot.bench;

import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The CI side of the gate benchmark: one pipeline per pending change, each opening a gate check
 * ({@code POST /api/v1/gate/checks}) and long-polling it ({@code GET …?wait=120}, asked again when a
 * wait ends with the check still pending, as bin/changebot-gate does), noting on the generator's clock
 * (System.nanoTime()) when the answer {@code allowed} arrived. Every long-poll is a connection of its
 * own in flight (asynchronous HttpClient, HTTP/1.1), so the server holds them all at once.
 */
final class LongPollClients implements AutoCloseable {

    static final int WAIT_SECONDS = 120;
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final String token;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        var thread = new Thread(r, "long-poll-client");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** Change number → when its check's answer {@code allowed} arrived. */
    private final Map<Integer, Long> allowedAt = new ConcurrentHashMap<>();
    /** Change number → what ended its pipeline otherwise (another state, an HTTP error, no answer). */
    private final Map<Integer, String> failed = new ConcurrentHashMap<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    LongPollClients(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /**
     * Opens a check for production for each change, one after another; change number → check id. A
     * check must answer {@code pending} (its change awaits approval): anything else stops the bench.
     */
    Map<Integer, String> open(List<Integer> changes, String keyPrefix) throws Exception {
        var checks = new LinkedHashMap<Integer, String>();
        for (int change : changes) {
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/gate/checks")).timeout(OPEN_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", keyPrefix + ":" + change)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"change\": \"CHG-" + change + "\", \"environment\": \"production\"}"))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 || !"pending".equals(state(response.body()))) {
                throw new IllegalStateException("The check for CHG-" + change + " was answered " + response.statusCode()
                        + ", not pending: " + response.body());
            }
            checks.put(change, JsonParser.parseString(response.body()).getAsJsonObject().get("id").getAsString());
        }
        return checks;
    }

    /** Starts every pipeline's long-poll; they run until their check settles (or this closes). */
    void startPolling(Map<Integer, String> checks) {
        checks.forEach(this::poll);
    }

    private void poll(int change, String checkId) {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/gate/checks/" + checkId + "?wait=" + WAIT_SECONDS))
                .timeout(Duration.ofSeconds(WAIT_SECONDS + 10)).header("Authorization", "Bearer " + token).GET().build();
        polls.incrementAndGet();
        inFlight.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long arrived = System.nanoTime();
            inFlight.decrementAndGet();
            if (closed) {
                return;
            }
            if (failure != null) {
                failed.put(change, "no answer: " + failure);
                return;
            }
            var state = response.statusCode() == 200 ? state(response.body()) : "HTTP " + response.statusCode();
            switch (state) {
                case "allowed" -> allowedAt.put(change, arrived);
                case "pending" -> poll(change, checkId);
                default -> failed.put(change, state + ": " + response.body());
            }
        });
    }

    /** Waits until every pipeline of {@code checks} has its answer, at most {@code bound}; false if some have not. */
    boolean awaitAnswers(Map<Integer, String> checks, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (checks.keySet().stream().allMatch(c -> allowedAt.containsKey(c) || failed.containsKey(c))) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return false;
    }

    /** The change's allowed answer's arrival (System.nanoTime()), or null. */
    Long allowedAt(int change) {
        return allowedAt.get(change);
    }

    Map<Integer, String> failed() {
        return Map.copyOf(failed);
    }

    /** Long-polls sent so far, re-polls included. */
    int polls() {
        return polls.get();
    }

    /** Long-polls waiting for their answer now. */
    int inFlight() {
        return inFlight.get();
    }

    private static String state(String body) {
        try {
            var json = JsonParser.parseString(body).getAsJsonObject();
            return json.has("state") ? json.get("state").getAsString() : "no state";
        } catch (RuntimeException notJson) {
            return "not JSON";
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
