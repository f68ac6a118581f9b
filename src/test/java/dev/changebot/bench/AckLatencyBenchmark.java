package dev.changebot.bench;

import dev.changebot.bench.TrafficMix.PlannedRequest;
import dev.changebot.support.AppProcess;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 11's side-by-side ack benchmark: one load generator (this process) sends the same mixed,
 * signed Slack traffic at a fixed arrival rate to three servers in turn, each a process of its own —
 * a bare Bolt app that only acks, a bare Bolt app that commits one row durably before acking (the
 * floor), and Changebot with its outbox pump running — each through a warm-up, a steady phase and a
 * burst; then Changebot alone with each kind of request on its own, for the cost by kind. Not a test:
 * run it with bench/ack-latency.sh and read docs/performance.md.
 */
public final class AckLatencyBenchmark {

    /** Long enough for PostgreSQL's backends to flush their statistics, and the outbox to catch up. */
    private static final long SETTLE_SECONDS = 11;
    /**
     * Mixed traffic before the measured phases (WARM_UP_SECONDS, default 5): long enough to warm the
     * floors, not Changebot's JIT, whose compiling then counts in the steady phase; a longer one
     * (120) measures the steady cost of a server that has been running a while.
     */
    private static final int WARM_UP_SECONDS = Integer.parseInt(System.getenv().getOrDefault("WARM_UP_SECONDS", "5"));
    private static final int IDLE_SECONDS = 10;
    private static final int KIND_SECONDS = 10;
    private static final long LAG_BOUND_SECONDS = 120;
    /** Numbers the phases run, so that no two events in the run share an id (Slack's retries would). */
    private static final AtomicInteger PHASES_RUN = new AtomicInteger();

    private record Phase(String name, int rate, List<PlannedRequest> requests, boolean measured, boolean byKind) {
    }

    private AckLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int burstRate = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int burstSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int mixed = rate * (WARM_UP_SECONDS + seconds) + burstRate * burstSeconds;
        int pending = TrafficMix.approvalsIn(new int[] {mixed}) + 2 * rate * KIND_SECONDS + 10;
        var planner = new TrafficMix.Planner(pending);
        var mixedPhases = List.of(
                new Phase("warm-up", rate, planner.mixed(rate * WARM_UP_SECONDS), false, false),
                new Phase("steady", rate, planner.mixed(rate * seconds), true, true),
                new Phase("burst", burstRate, planner.mixed(burstRate * burstSeconds), true, true));
        var kindPhases = new ArrayList<Phase>();
        for (var kind : RequestKind.values()) {
            kindPhases.add(new Phase(kind.label() + " alone", rate, planner.only(kind, rate * KIND_SECONDS), true, false));
        }
        var postgres = BenchPostgres.start();
        var databases = postgres.databases(2);
        var db = databases.get(0);
        var floorDb = databases.get(1);
        System.out.println("Database measured: " + db.durabilitySettings());
        System.out.println("Load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim()
                + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println("Every server is a JVM of its own with the options " + ServerProcesses.jvmOptions()
                + " (Changebot: " + ServerProcesses.changebotJvmOptions() + ")"
                + "; the load generator and the fake Slack API run in this one.");
        System.out.println("chat.update pace: " + ServerProcesses.updatePace());
        var logs = Files.createTempDirectory("changebot-ack-bench");
        try (postgres; var slack = FakeSlackApi.start();
             var app = ServerProcesses.changebot(db, slack, logs.resolve("changebot.log"));
             var bare = ServerProcesses.bareBolt(slack, logs.resolve("bare-bolt.log"));
             var floor = ServerProcesses.durableCommitFloor(slack, floorDb, logs.resolve("floor.log"));
             var generator = new LoadGenerator(RunningApp.SIGNING_SECRET);
             var changebotProbe = PostgresProbe.of(db);
             var floorProbe = PostgresProbe.of(floorDb)) {
            System.out.println("Server logs in " + logs);
            var messages = PendingChanges.request(app, db, pending);
            if ("1".equals(System.getenv("PREPARE_ONLY"))) {
                return;
            }
            System.out.println("Statements counted from " + changebotProbe.statementSource());
            var run = new Run(generator, messages, new HashMap<>());
            var servers = List.of(new Server("bare Bolt (ack only)", bare, null),
                    new Server("bare Bolt + 1 durable commit", floor, floorProbe),
                    new Server("Changebot", app, changebotProbe));
            for (var server : servers) {
                server.printIdleCost();
            }
            System.out.printf("Costs are the server process's CPU (every thread: requests, JIT, GC, background work)"
                    + " and include %d s after each phase (outbox delivery, statistics flush).%n", SETTLE_SECONDS);
            if (kindsOnly()) {
                // The same changes and the same mixed phases before the kinds (which also warm the JIT up:
                // without them a kind's CPU is mostly C2 compiling), so each kind meets the same server.
                System.out.println("KINDS_ONLY: the baselines are left out");
                run.phases(servers.get(2), mixedPhases);
            } else {
                run.phases(servers.get(0), mixedPhases);
                run.phases(servers.get(1), mixedPhases);
                var approvals = run.phases(servers.get(2), mixedPhases);
                MessageUpdateLag.print(slack, messages, approvals, LAG_BOUND_SECONDS);
            }
            System.out.printf("%n--- Changebot, one kind of request at a time (%d req/s, %d s each)%n", rate, KIND_SECONDS);
            run.phases(servers.get(2), kindPhases);
            for (var server : servers) {
                var meter = server.meter();
                System.out.printf(Locale.ROOT, "RSS of %s at the end: %d MB (peak over the whole run, set-up included: %d MB)%n",
                        server.name(), meter.rssKb() / 1024, Math.max(meter.peakRssKb(), run.peaksKb().getOrDefault(server.name(), 0L)) / 1024);
            }
            if (ServerProcesses.changebotJvmOptions().size() > ServerProcesses.jvmOptions().size()) {
                // SIGTERM, not SIGKILL, so that a flight recording is written out as the JVM exits.
                System.out.println("Changebot stopped with exit code " + app.terminate(Duration.ofSeconds(60)));
            }
        }
        System.exit(0);
    }

    /** KINDS_ONLY=1: only Changebot (mixed phases, then each kind alone), for a quicker look at the cost by kind. */
    private static boolean kindsOnly() {
        return "1".equals(System.getenv("KINDS_ONLY"));
    }

    /** One server under test: its process, and its database's probe (null without a database). */
    private record Server(String name, AppProcess process, PostgresProbe probe) {

        ProcessMeter meter() {
            return new ProcessMeter(process.pid());
        }

        String url() {
            return "http://127.0.0.1:" + process.port() + "/slack/events";
        }

        void printIdleCost() throws Exception {
            var start = PhaseCost.Mark.now(meter(), null);
            TimeUnit.SECONDS.sleep(IDLE_SECONDS);
            System.out.printf(Locale.ROOT, "%s idle: %.1f ms of CPU per second (over %d s), RSS %d MB%n", name,
                    start.cpuRateUntil(PhaseCost.Mark.now(meter(), null)), IDLE_SECONDS, meter().rssKb() / 1024);
        }
    }

    /**
     * The same planned requests, phase by phase, against one server after another; each phase's resident
     * peak is its own, and {@code peaksKb} keeps each server's highest from before the restarts.
     */
    private record Run(LoadGenerator generator, Map<Integer, PendingChanges.Message> messages, Map<String, Long> peaksKb) {

        /** Runs {@code phases} against {@code server}; the approvals of each measured phase, for the lag. */
        Map<String, List<Sample>> phases(Server server, List<Phase> phases) throws Exception {
            System.out.printf("%n--- %s at %s%n", server.name(), server.url());
            var approvals = new LinkedHashMap<String, List<Sample>>();
            for (var phase : phases) {
                peaksKb.merge(server.name(), server.meter().restartPeak(), Math::max);
                var start = PhaseCost.Mark.now(server.meter(), server.probe());
                var startedAt = Instant.now();
                var samples = generator.run(server.url(), phase.requests(), phase.rate(), messages,
                        "Ev" + server.name().charAt(0) + PHASES_RUN.incrementAndGet() + "x");
                if (!phase.measured()) {
                    continue;
                }
                var sentBy = Instant.now();
                TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
                var cost = start.until(PhaseCost.Mark.now(server.meter(), server.probe()));
                PhaseReport.print(server.name(), phase.name(), phase.rate(), samples, cost, phase.byKind(),
                        generator.worstLatenessMillis());
                // When it ran, to cut a profile of the server (CHANGEBOT_JAVA_OPTS) by phase.
                System.out.println("  ran " + startedAt + " to " + sentBy + ", then settled " + SETTLE_SECONDS + " s");
                approvals.put(phase.name(), samples.stream().filter(s -> s.kind().approves()).toList());
            }
            return approvals;
        }
    }
}
