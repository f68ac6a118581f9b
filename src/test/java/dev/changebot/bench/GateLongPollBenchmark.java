package dev.changebot.bench;

import dev.changebot.bench.TrafficMix.PlannedRequest;
import dev.changebot.support.AppProcess;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Issue 14's gate benchmark: does a crowd of CI pipelines long-polling the gate slow Slack's acks, and
 * does each check settle within a second of the approval that decides it? Changebot runs as its own
 * JVM on a durable PostgreSQL. Phase A: the mixed signed Slack traffic of issue 11 at a fixed rate, no
 * long-polls. Phase B: the same traffic while {@code checks} pipelines long-poll a check each, and the
 * approve clicks that decide those checks arrive spread over the phase. Phase A again after B, so the
 * difference between the two A's shows the run's noise. Not a test: run it with
 * bench/gate-longpoll.sh and read docs/performance.md ("The gate under long-polls").
 */
public final class GateLongPollBenchmark {

    /** The server's JIT compiles the traffic's paths and the gate's before anything is measured. */
    private static final int WARM_UP_SECONDS = 20;
    private static final int WARM_UP_CHECKS = 10;
    /** Long enough for PostgreSQL's backends to flush their statistics, and the work after the acks to end. */
    private static final long SETTLE_SECONDS = 11;
    /** How long after the last deciding click every check must have been answered. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(30);
    /** So that every long-poll is registered on the server before the traffic starts. */
    private static final long POLLS_SETTLE_SECONDS = 2;

    private GateLongPollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int checks = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int clickRate = Math.max(1, Math.round(checks / (float) seconds));
        int[] counts = {rate * WARM_UP_SECONDS, rate * seconds, rate * seconds, rate * seconds};
        int trafficApprovals = TrafficMix.approvalsIn(new int[] {IntStream.of(counts).sum()});
        // The gate's changes come after every change the traffic approves: no request of the mix touches them.
        var warmUpChanges = IntStream.rangeClosed(trafficApprovals + 1, trafficApprovals + WARM_UP_CHECKS).boxed().toList();
        var gateChanges = IntStream.rangeClosed(trafficApprovals + WARM_UP_CHECKS + 1,
                trafficApprovals + WARM_UP_CHECKS + checks).boxed().toList();
        int pending = trafficApprovals + WARM_UP_CHECKS + checks;
        var planner = new TrafficMix.Planner(pending);
        var warmUp = planner.mixed(counts[0]);
        var phaseA = planner.mixed(counts[1]);
        var phaseB = planner.mixed(counts[2]);
        var phaseAAgain = planner.mixed(counts[3]);

        var postgres = BenchPostgres.start();
        var db = postgres.databases(1).get(0);
        System.out.println("Database measured: " + db.durabilitySettings());
        System.out.println("Load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim()
                + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println("Changebot is a JVM of its own with the options " + ServerProcesses.changebotJvmOptions()
                + "; the load generator, the pipelines and the fake Slack API run in this one.");
        System.out.printf("Plan: %d req/s of mixed Slack traffic for %d s per phase (A, B, A again); in B %d checks"
                + " long-polled (wait=%d), decided by approve clicks at %d/s%n", rate, seconds, checks,
                LongPollClients.WAIT_SECONDS, clickRate);
        var logs = Files.createTempDirectory("changebot-gate-bench");
        try (postgres; var slack = FakeSlackApi.start();
             var app = ServerProcesses.changebot(db, slack, logs.resolve("changebot.log"));
             var traffic = new LoadGenerator(RunningApp.SIGNING_SECRET);
             var clicks = new LoadGenerator(RunningApp.SIGNING_SECRET);
             var probe = PostgresProbe.of(db)) {
            System.out.println("Server log in " + logs);
            var messages = PendingChanges.request(app, db, pending);
            try (var pipelines = new LongPollClients(app.port(), BenchToken.create(db, "bench-gate"))) {
                var run = new GatePhases(app, traffic, clicks, pipelines, messages, probe);
                System.out.println("Statements counted from " + probe.statementSource());
                run.underLongPolls("warm-up", warmUp, rate, warmUpChanges, 2, false);
                var a = run.slackOnly("A (no long-polls)", phaseA, rate);
                var b = run.underLongPolls("B (" + checks + " long-polls)", phaseB, rate, gateChanges, clickRate, true);
                var again = run.slackOnly("A again (no long-polls)", phaseAAgain, rate);
                summary(a, b, again);
            }
        }
        System.exit(0);
    }

    private static void summary(List<Sample> a, List<Sample> b, List<Sample> again) {
        System.out.printf(Locale.ROOT, "%nSlack acks, the same traffic kinds (B's deciding clicks not counted):%n"
                + "  %s%n  %s%n  %s%n", PhaseReport.latencyLine("A", a), PhaseReport.latencyLine("B", b),
                PhaseReport.latencyLine("A again", again));
    }

    /** The phases, each against the same Changebot with the same generators. */
    private record GatePhases(AppProcess app, LoadGenerator traffic, LoadGenerator clicks, LongPollClients pipelines,
                              java.util.Map<Integer, PendingChanges.Message> messages, PostgresProbe probe) {

        private String url() {
            return "http://127.0.0.1:" + app.port() + "/slack/events";
        }

        private PhaseCost.Mark mark() throws Exception {
            return PhaseCost.Mark.now(new ProcessMeter(app.pid()), probe);
        }

        List<Sample> slackOnly(String name, List<PlannedRequest> requests, int rate) throws Exception {
            var start = mark();
            var samples = traffic.run(url(), requests, rate, messages, "Ev" + name.charAt(0) + System.nanoTime() + "x");
            TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
            var cost = start.until(mark());
            PhaseReport.print("Changebot", name, rate, samples, cost, true, traffic.worstLatenessMillis());
            PhaseReport.printStatements(cost.statements(), samples.size());
            return samples;
        }

        /**
         * Opens a check per change and long-polls them all, then runs the traffic and, alongside, the approve
         * clicks deciding the checks, one per change in turn at {@code clickRate}; waits for every answer.
         */
        List<Sample> underLongPolls(String name, List<PlannedRequest> requests, int rate, List<Integer> changes,
                                    int clickRate, boolean report) throws Exception {
            var checks = pipelines.open(changes, "bench:" + name.charAt(0));
            pipelines.startPolling(checks);
            TimeUnit.SECONDS.sleep(POLLS_SETTLE_SECONDS);
            int waiting = pipelines.inFlight();
            var deciding = changes.stream().map(c -> new PlannedRequest(RequestKind.APPROVE_CLICK, c)).toList();
            var start = mark();
            var sent = new java.util.concurrent.CompletableFuture<List<Sample>>();
            var trafficThread = new Thread(() -> {
                try {
                    sent.complete(traffic.run(url(), requests, rate, messages, "EvB" + System.nanoTime() + "x"));
                } catch (Exception | Error e) {
                    sent.completeExceptionally(e);
                }
            }, "gate-bench-traffic");
            trafficThread.start();
            var clickSamples = clicks.run(url(), deciding, clickRate, messages, "unused");
            var answered = pipelines.awaitAnswers(checks, ANSWER_BOUND);
            var samples = sent.get(requests.size() / rate + 60L, TimeUnit.SECONDS);
            if (!report) {
                System.out.printf("%nwarm-up: %d checks opened and long-polled, %d answered%n", checks.size(),
                        checks.keySet().stream().filter(c -> pipelines.allowedAt(c) != null).count());
                return samples;
            }
            TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
            var cost = start.until(mark());
            PhaseReport.print("Changebot", name, rate, samples, cost, true, traffic.worstLatenessMillis());
            // What the checks' settling added to PostgreSQL's work, statement by statement (per Slack request).
            PhaseReport.printStatements(cost.statements(), samples.size());
            System.out.printf("  long-polls waiting when the traffic started: %d of %d checks; long-polls sent in all"
                    + " (re-polls included, whole run): %d; every check answered within %d s of the last click: %s%n",
                    waiting, checks.size(), pipelines.polls(), ANSWER_BOUND.toSeconds(), answered);
            System.out.println("  " + PhaseReport.latencyLine("deciding clicks", clickSamples)
                    + String.format(Locale.ROOT, " (at %d/s, generator late by at most %.1f ms; not in the lines above)",
                    clickRate, clicks.worstLatenessMillis()));
            var late = SettleLatency.print(name, clickSamples, pipelines);
            if (!late.isEmpty()) {
                System.out.println("  settled later than 1 s: CHG-" + late.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", CHG-")));
            }
            return samples;
        }
    }
}
