package dev.changebot.bench;

import com.slack.api.app_backend.SlackSignature;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Ack latency of signed Approve clicks against the running app on PostgreSQL, at a fixed arrival
 * rate with 16 requests in flight at most, next to a bare Bolt app acking the same clicks in the
 * same run. Each click approves a different change (the realistic case: one lock per change).
 * Not a test: run it with bench/approve-clicks.sh and read the figures.
 */
public final class ApproveClickBenchmark {

    static final int CONCURRENCY = 16;

    private ApproveClickBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int clicks = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        var db = TestPostgres.freshDatabase();
        System.out.println("Database measured: " + db.durabilitySettings());
        try (var slack = FakeSlackApi.start();
             // The outbox pump runs as in production: chat.update happens after the ack, as it should.
             var app = RunningApp.start(db, slack, Map.of("changebot.outbox.interval", 100));
             var bare = BareBoltApp.start(RunningApp.SIGNING_SECRET, RunningApp.BOT_TOKEN, slack.baseUrl())) {
            System.out.printf("Preparing %d pending changes...%n", clicks + 200);
            createChanges(app, clicks + 200);
            // A click acts only on its change's own message: each click names the message it sits on.
            var messages = messagesOf(db, clicks + 200);
            var http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CONCURRENCY)).build();
            // Warm-up: JIT, connection pools, Bolt's first auth.test; not measured.
            run(http, app.uri("/slack/events").toString(), messages, 1, 200, rate);
            run(http, bare.url(), messages, 1, 200, rate);
            var changebot = run(http, app.uri("/slack/events").toString(), messages, 201, clicks, rate);
            var baseline = run(http, bare.url(), messages, 201, clicks, rate);
            report("changebot (approve + PostgreSQL + outbox row)", changebot);
            // Every measured click must have approved its change: a refused click is cheaper or dearer
            // (it answers privately through Slack) and would measure something else.
            System.out.printf("approved by the measured clicks: %s of %d%n", db.rows(
                    "SELECT count(*) AS n FROM change_request WHERE state = 'APPROVED' AND number > 200").get(0).get("n"),
                    clicks);
            report("bare Bolt ack", baseline);
            System.out.printf("ratio p50 %.1fx, p99 %.1fx%n", p(changebot, 50) / p(baseline, 50),
                    p(changebot, 99) / p(baseline, 99));
        }
        System.exit(0);
    }

    /**
     * Request n is made in a channel of its own: Slack takes about one post a second per channel,
     * and so does the outbox, so 2,200 messages in one channel would take over half an hour to post.
     */
    static String channelOf(int change) {
        return "C0BENCH" + change;
    }

    private static void createChanges(RunningApp app, int count) throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var futures = new ArrayList<Future<?>>();
        for (int i = 1; i <= count; i++) {
            var channel = channelOf(i);
            // Left to the outbox pump, as in production; messagesOf waits for the posts.
            futures.add(pool.submit(() -> app.slackUndelivered(SlackPayloads.viewSubmission("U0REQUEST",
                    SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(channel).encode(),
                    ChangeForms.complete(Instant.now().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM, Instant.now())));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /**
     * Change number → where its message is, once the outbox has posted them all (within a minute).
     * Changes are numbered in the order their requests committed, not in the order they were sent,
     * so change n's channel is read back, not assumed to be channelOf(n).
     */
    private static Map<Integer, MessageRef> messagesOf(TestDatabase db, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (db.count("change_request") < count
                || !db.rows("SELECT 1 FROM change_request WHERE message_ts IS NULL LIMIT 1").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The change messages were not all posted within a minute");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        var messages = new java.util.HashMap<Integer, MessageRef>();
        db.rows("SELECT number, message_channel_id, message_ts FROM change_request")
                .forEach(r -> messages.put(((Number) r.get("number")).intValue(),
                        new MessageRef(r.get("message_channel_id").toString(), r.get("message_ts").toString())));
        return messages;
    }

    /** Sends {@code count} clicks, one every 1/rate s, with at most CONCURRENCY in flight. */
    private static List<Double> run(HttpClient http, String url, Map<Integer, MessageRef> messages, int firstChange, int count,
                                    int rate) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
        var latencies = Collections.synchronizedList(new ArrayList<Double>());
        var futures = new ArrayList<Future<?>>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            var message = messages.get(firstChange + i);
            var body = SlackPayloads.buttonClick("U0REVIEW", message.channelId(), message.messageTs(),
                    SlackIds.APPROVE_BUTTON, ChangeRef.of(new ChangeId(firstChange + i)).encode());
            Callable<Void> send = () -> {
                var timestamp = Long.toString(Instant.now().getEpochSecond());
                var request = HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", SlackPayloads.FORM)
                        .header("X-Slack-Request-Timestamp", timestamp)
                        .header("X-Slack-Signature", new SlackSignature.Generator(RunningApp.SIGNING_SECRET)
                                .generate(timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                long sent = System.nanoTime();
                var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                latencies.add((System.nanoTime() - sent) / 1_000_000.0);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
                return null;
            };
            futures.add(senders.submit(send));
        }
        for (var f : futures) {
            f.get();
        }
        senders.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %d clicks to %s in %.1f s (%.0f/s)%n", count, url, seconds, count / seconds);
        return new ArrayList<>(latencies);
    }

    private static void report(String name, List<Double> latencies) {
        System.out.printf("%-48s p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms   (n=%d)%n", name, p(latencies, 50),
                p(latencies, 99), Collections.max(latencies), latencies.size());
    }

    private static double p(List<Double> values, int percentile) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
