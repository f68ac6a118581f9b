package dev.changebot.bench;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import dev.changebot.application.delivery.DeliverOutbox;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.connection.ChatMethods;
import dev.changebot.slack.connection.SlackChat;
import dev.changebot.slack.connection.SlackWebApi;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestPostgres;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

/**
 * How fast the outbox itself drains message updates, Slack's pace aside (the pace is lifted to
 * a million a minute): {@code changes} pending changes under a three-step policy, a burst of three
 * approvals on each (3 × changes state changes) acked with the outbox left alone, then one drain,
 * timed on the calling thread. Then the Web API call alone: chat.update through the SDK's client
 * (a new Gson per response) and through {@link ChatMethods} (one Gson), alternately, CPU per call.
 * Not a test: run it with bench/outbox-drain.sh and read the figures.
 */
public final class OutboxDrainBenchmark {

    static final List<String> REVIEWERS = List.of("U0ALICE", "U0BOB", "U0REVIEW");

    private OutboxDrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        // "apart": each change planned an hour after the one before, so none conflicts with another (by default
        // all are planned at the same time by the same requester: each conflicts with every other, and the
        // conflicts told in their threads are drained with the posts).
        boolean apart = args.length > 2 && args[2].equals("apart");
        var planned = Instant.now().plus(Duration.ofDays(1));
        var db = TestPostgres.freshDatabase();
        System.out.println("Database measured: " + db.durabilitySettings());
        System.out.println("Load average at start: " + loadAverage());
        try (var slack = FakeSlackApi.start();
             var app = RunningApp.start(db, slack, Map.of("changebot.policy",
                     "src/test/resources/policies/test-three-steps.yaml",
                     "changebot.slack.updates-per-minute", 1_000_000, "changebot.slack.update-burst", 1_000_000))) {
            var outbox = app.bean(DeliverOutbox.class);
            inParallel(changes, i -> app.slackUndelivered(SlackPayloads.viewSubmission("U0REQUEST",
                    SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel("C0DRAIN" + i).encode(),
                    ChangeForms.complete(apart ? planned.plus(Duration.ofHours(i)) : planned).state()), SlackPayloads.FORM,
                    Instant.now()));
            timedDrain("posts (chat.postMessage, first messages)", outbox, slack, changes);
            // Changes are numbered in commit order, not send order: read back which is in which channel.
            var numbers = new java.util.HashMap<String, Long>();
            db.rows("SELECT number, message_channel_id FROM change_request").forEach(row -> numbers.put(
                    row.get("message_channel_id").toString(), ((Number) row.get("number")).longValue()));
            // Warm-up round: one approval each, drained; not reported.
            approveAll(app, numbers, changes, REVIEWERS.get(0));
            outbox.drain();
            slack.clear();
            for (var reviewer : REVIEWERS.subList(1, 3)) {
                approveAll(app, numbers, changes, reviewer);
            }
            System.out.printf("%d approvals acked on %d messages, outbox left alone%n", 2 * changes, changes);
            timedDrain("updates after the burst (chat.update, coalesced)", outbox, slack, 2 * changes);
            compareClients(app, slack, calls);
        }
        System.exit(0);
    }

    private static void approveAll(RunningApp app, Map<String, Long> numbers, int changes, String reviewer)
            throws Exception {
        inParallel(changes, i -> app.slackUndelivered(SlackPayloads.slashCommand(reviewer, "C0DRAIN" + i,
                "approve CHG-" + numbers.get("C0DRAIN" + i)), SlackPayloads.FORM, Instant.now()));
    }

    private static void timedDrain(String what, DeliverOutbox outbox, FakeSlackApi slack, int announcements) {
        slack.clear();
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int delivered = outbox.drain();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        int slackCalls = slack.calls("chat.update").size() + slack.calls("chat.postMessage").size();
        System.out.printf(Locale.ROOT, "%s: %d announcements -> %d delivered, %d Slack calls in %.2f s = %.0f/s;"
                        + " drain thread CPU %.2f ms per message%n", what, announcements, delivered, slackCalls, seconds,
                delivered / seconds, cpuMs / Math.max(1, delivered));
    }

    /** chat.update through the SDK's client and through ChatMethods, alternately, in rounds of 200. */
    private static void compareClients(RunningApp app, FakeSlackApi slack, int calls) throws Exception {
        MethodsClient sdk = app.bean(SlackWebApi.class).client().orElseThrow();
        ChatMethods ours = app.bean(SlackChat.class).methods().orElseThrow();
        var request = ChatUpdateRequest.builder().channel("C0DRAIN1").ts("1700000001.000100").text("CHG-1: bench")
                .build();
        var threads = ManagementFactory.getThreadMXBean();
        long sdkCpu = 0;
        long ourCpu = 0;
        for (int round = 0; round < calls / 200 + 1; round++) {
            boolean measured = round > 0; // the first round warms both up
            long before = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 200; i++) {
                sdk.chatUpdate(request);
            }
            long middle = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 200; i++) {
                ours.update(request);
            }
            long after = threads.getCurrentThreadCpuTime();
            if (measured) {
                sdkCpu += middle - before;
                ourCpu += after - middle;
            }
            slack.clear();
        }
        int measuredCalls = calls / 200 * 200;
        System.out.printf(Locale.ROOT, "chat.update, calling thread CPU per call over %d calls each:"
                        + " SDK MethodsClient %.3f ms, ChatMethods (one Gson) %.3f ms%n", measuredCalls,
                sdkCpu / 1e6 / measuredCalls, ourCpu / 1e6 / measuredCalls);
    }

    private interface Indexed {
        Object run(int i) throws Exception;
    }

    /** Runs 1..count on 8 threads and waits for all. */
    private static void inParallel(int count, Indexed work) throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var futures = new ArrayList<java.util.concurrent.Future<Object>>();
        for (int i = 1; i <= count; i++) {
            int n = i;
            futures.add(pool.submit((Callable<Object>) () -> work.run(n)));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private static String loadAverage() throws Exception {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    }

}
