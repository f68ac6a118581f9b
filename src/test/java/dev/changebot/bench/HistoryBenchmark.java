package dev.changebot.bench;

import dev.changebot.domain.change.ChangeId;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Flat as history grows: /change list, /change show, an approve click and the App Home
 * (app_home_opened answered by views.publish to the fake Slack) at 1,000, 10,000 and 100,000 changes
 * in the database, with the same {@link #OPEN} open changes each time, sent one at a time through
 * the signed HTTP route. Not a test: run it with bench/history.sh and read the figures.
 */
public final class HistoryBenchmark {

    /** Pending changes requested through the app at each size: 20 are clicked to warm up, the rest measured. */
    static final int OPEN = 170;
    static final int WARM_UP = 20;
    static final String REQUESTER = "U0REQUEST";
    static final String REVIEWER = "U0REVIEW";

    private final TestDatabase db;
    private final FakeSlackApi slack;
    private final RunningApp app;
    private final int requests;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(11);
    /** The first size also warms the JIT up: its figures are the baseline, so they must not be the coldest. */
    private int warmUp = 300;

    private HistoryBenchmark(TestDatabase db, FakeSlackApi slack, RunningApp app, int requests) {
        this.db = db;
        this.slack = slack;
        this.app = app;
        this.requests = requests;
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        var sizes = args.length > 1 ? List.of(args[1].split(",")).stream().map(Integer::parseInt).toList()
                : List.of(1_000, 10_000, 100_000);
        var db = TestPostgres.freshDatabase();
        System.out.println("Database measured: " + db.durabilitySettings());
        System.out.println("Load average at the start: " + loadAverage());
        var results = new LinkedHashMap<Integer, Map<String, List<Double>>>();
        try (var slack = FakeSlackApi.start();
             var app = RunningApp.start(db, slack, Map.of("changebot.outbox.interval", 250))) {
            var bench = new HistoryBenchmark(db, slack, app, requests);
            for (int size : sizes) {
                results.put(size, bench.at(size));
            }
        }
        report(results);
        System.exit(0);
    }

    /** Grows the history to {@code size} changes, then measures each kind of request. */
    private Map<String, List<Double>> at(int size) throws Exception {
        long filled = db.count("change_request");
        long started = System.nanoTime();
        HistoryFill.finished(db, filled + 1, size - OPEN);
        System.out.printf("%n== %,d changes: history written up to CHG-%d in %.0f s (%,d events in all)%n", size,
                size - OPEN, (System.nanoTime() - started) / 1e9, db.count("change_event"));
        var pending = requestPending(size - OPEN + 1);
        System.out.println("   load average before measuring: " + loadAverage());
        var measured = new LinkedHashMap<String, List<Double>>();
        measure("/change list", i -> SlackPayloads.slashCommand(REVIEWER, "C0DEPLOYS", i % 2 == 0 ? "list" : "list 4"),
                SlackPayloads.FORM, measured, "*Open changes (" + OPEN + ")*");
        measure("/change show", i -> SlackPayloads.slashCommand(REVIEWER, "C0DEPLOYS",
                "show CHG-" + (1 + random.nextInt(size))), SlackPayloads.FORM, measured, "\"blocks\"");
        int published = slack.calls("views.publish").size();
        measure("App Home", i -> SlackPayloads.appHomeOpened(i % 2 == 0 ? REQUESTER : REVIEWER), SlackPayloads.JSON,
                measured, "");
        System.out.printf("   views.publish calls recorded by the fake Slack: %d%n",
                slack.calls("views.publish").size() - published);
        int clicks = Math.min(requests, OPEN - WARM_UP);
        var numbers = new ArrayList<>(pending.keySet());
        Collections.sort(numbers);
        timed(WARM_UP, i -> click(numbers.get(i), pending), SlackPayloads.FORM, "");
        measured.put("approve click", timed(clicks, i -> click(numbers.get(WARM_UP + i), pending), SlackPayloads.FORM, ""));
        System.out.printf("   approved: %s of %d clicked%n", db.rows("SELECT count(*) AS n FROM change_request"
                + " WHERE state = 'APPROVED' AND number > ?", (long) size - OPEN).get(0).get("n"), clicks + WARM_UP);
        // The open changes of this size become history for the next one.
        try (var connection = db.connect(); var sql = connection.createStatement()) {
            sql.execute("UPDATE change_request SET state = 'COMPLETED' WHERE state IN ('PENDING_APPROVAL', 'APPROVED')");
        }
        slack.clear();
        warmUp = WARM_UP;
        return measured;
    }

    private String click(int number, Map<Integer, PendingChanges.Message> pending) {
        var message = pending.get(number);
        return SlackPayloads.buttonClick(REVIEWER, message.channel(), message.ts(), SlackIds.APPROVE_BUTTON,
                ChangeRef.of(new ChangeId(number)).encode());
    }

    /** OPEN changes through the app's own new-change form, each posted in a channel of its own by the outbox. */
    private Map<Integer, PendingChanges.Message> requestPending(long firstNumber) throws Exception {
        for (int i = 0; i < OPEN; i++) {
            var channel = "C0H" + firstNumber + "X" + i;
            var response = app.slackUndelivered(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel(channel).encode(), ChangeForms.complete(Instant.now().plus(Duration.ofDays(1)))
                            .state()), SlackPayloads.FORM, Instant.now());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("A new-change form was refused: HTTP " + response.statusCode());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String unposted = "SELECT count(*) AS n FROM change_request WHERE number >= ? AND message_ts IS NULL";
        while (((Number) db.rows(unposted, firstNumber).get(0).get("n")).longValue() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The change messages were not all posted within three minutes");
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        var messages = new LinkedHashMap<Integer, PendingChanges.Message>();
        db.rows("SELECT number, message_channel_id, message_ts FROM change_request WHERE number >= ?", firstNumber)
                .forEach(r -> messages.put(((Number) r.get("number")).intValue(), new PendingChanges.Message(
                        r.get("message_channel_id").toString(), r.get("message_ts").toString())));
        return messages;
    }

    private void measure(String kind, IntFunction<String> body, String contentType, Map<String, List<Double>> into,
                         String expected) throws Exception {
        timed(warmUp, body, contentType, expected);
        into.put(kind, timed(requests, body, contentType, expected));
    }

    /** Sends {@code count} requests one after another; each answer must be 200 and contain {@code expected}. */
    private List<Double> timed(int count, IntFunction<String> body, String contentType, String expected) throws Exception {
        var latencies = new ArrayList<Double>();
        for (int i = 0; i < count; i++) {
            var text = body.apply(i);
            var request = HttpRequest.newBuilder(app.uri("/slack/events")).POST(HttpRequest.BodyPublishers.ofString(text));
            RunningApp.signedHeaders(text, contentType, Instant.now()).forEach(request::header);
            var built = request.build();
            long sent = System.nanoTime();
            var response = http.send(built, HttpResponse.BodyHandlers.ofString());
            latencies.add((System.nanoTime() - sent) / 1e6);
            if (response.statusCode() != 200 || !response.body().contains(expected)) {
                throw new IllegalStateException("Unexpected answer: HTTP " + response.statusCode() + " " + response.body());
            }
        }
        return latencies;
    }

    private static void report(Map<Integer, Map<String, List<Double>>> results) {
        System.out.printf("%n%-14s", "p50 / p99 ms");
        results.keySet().forEach(size -> System.out.printf("  %20s", String.format("%,d changes", size)));
        System.out.printf("  %s%n", "p50 / p99 at the largest vs the smallest");
        var first = results.values().iterator().next();
        var last = new ArrayList<>(results.values()).get(results.size() - 1);
        for (var kind : first.keySet()) {
            System.out.printf("%-14s", kind);
            results.values().forEach(r -> System.out.printf("  %9.1f / %8.1f", p(r.get(kind), 50), p(r.get(kind), 99)));
            System.out.printf("  %+.0f %% / %+.0f %%%n", 100 * (p(last.get(kind), 50) / p(first.get(kind), 50) - 1),
                    100 * (p(last.get(kind), 99) / p(first.get(kind), 99) - 1));
        }
        System.out.println("Load average at the end: " + loadAverage());
    }

    static double p(List<Double> values, int percentile) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
