package dev.changebot.bench;

import com.slack.api.app_backend.SlackSignature;
import dev.changebot.bench.TrafficMix.PlannedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: each request is signed and sent at its scheduled moment whether or not earlier
 * ones have been answered (asynchronous HttpClient, no cap on requests in flight), so a slow server
 * meets the arrival rate Slack would keep up, not a politely slowed one. It runs in a process of its
 * own, apart from every server it measures.
 */
final class LoadGenerator implements AutoCloseable {

    static final String THREAD_PREFIX = "loadgen-";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** In every answer Changebot gives when its database did not answer in time (Replies.TRY_AGAIN). */
    static final String TRY_AGAIN = "try again";

    private final String signingSecret;
    private final ExecutorService clientThreads;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, THREAD_PREFIX + "sender"));
    private final HttpClient http;
    private long worstLatenessNanos;

    LoadGenerator(String signingSecret) {
        this.signingSecret = signingSecret;
        var threads = new AtomicInteger();
        this.clientThreads = Executors.newFixedThreadPool(4, r -> {
            var thread = new Thread(r, THREAD_PREFIX + "client-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // HTTP/1.1 as Slack speaks it; the default would offer every request an h2c upgrade.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                .connectTimeout(TIMEOUT).build();
    }

    /**
     * Sends {@code requests} to {@code url} at {@code rate} per second and waits for every answer
     * (each within the timeout); the samples in the order sent.
     */
    List<Sample> run(String url, List<PlannedRequest> requests, int rate, Map<Integer, PendingChanges.Message> messages,
                     String eventIdPrefix) throws Exception {
        return sender.submit(() -> sendAll(url, requests, rate, messages, eventIdPrefix)).get();
    }

    private List<Sample> sendAll(String url, List<PlannedRequest> requests, int rate, Map<Integer, PendingChanges.Message> messages,
                                 String eventIdPrefix) {
        var uri = URI.create(url);
        var pending = new ArrayList<CompletableFuture<Sample>>(requests.size());
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            worstLatenessNanos = Math.max(worstLatenessNanos, System.nanoTime() - due);
            var request = requests.get(i);
            var body = TrafficMix.body(request, messages, eventIdPrefix, i);
            pending.add(send(uri, request, body));
        }
        var samples = new ArrayList<Sample>(requests.size());
        pending.forEach(f -> samples.add(f.join()));
        return samples;
    }

    /** The most any request went out after its scheduled moment so far: the generator's own lag. */
    double worstLatenessMillis() {
        return worstLatenessNanos / 1e6;
    }

    private CompletableFuture<Sample> send(URI uri, PlannedRequest planned, TrafficMix.Body body) {
        var timestamp = Long.toString(Instant.now().getEpochSecond());
        var request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", body.contentType())
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(signingSecret).generate(timestamp, body.text()))
                .POST(HttpRequest.BodyPublishers.ofString(body.text())).build();
        long sent = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> new Sample(planned.kind(), planned.change(), sent, System.nanoTime(),
                        failure == null ? response.statusCode() : Sample.NO_ANSWER,
                        failure == null && response.body().contains(TRY_AGAIN)));
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdownNow();
        clientThreads.shutdownNow();
        clientThreads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
