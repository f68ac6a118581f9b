package dev.changebot.bench;

import dev.changebot.bench.TrafficMix.PlannedRequest;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 11's side-by-side ack benchmark: one load generator sends the same mixed, signed Slack
 * traffic at a fixed arrival rate to three servers in turn — a bare Bolt app that only acks, a bare
 * Bolt app that commits one row durably before acking (the floor), and Changebot with its outbox
 * pump running — each through a warm-up, a steady phase and a burst, and prints what each phase
 * cost. Not a test: run it with bench/ack-latency.sh and read docs/performance.md.
 */
public final class AckLatencyBenchmark {

    /** Long enough for PostgreSQL's backends to flush their statistics, and the outbox to catch up. */
    private static final long SETTLE_SECONDS = 11;
    private static final int WARM_UP_SECONDS = 5;
    private static final int IDLE_SECONDS = 10;
    private static final long LAG_BOUND_SECONDS = 120;

    private record Phase(String name, int rate, int seconds, boolean measured) {

        int requests() {
            return rate * seconds;
        }
    }

    private AckLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int burstRate = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int burstSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        var phases = List.of(new Phase("warm-up", rate, WARM_UP_SECONDS, false),
                new Phase("steady", rate, seconds, true), new Phase("burst", burstRate, burstSeconds, true));
        // One "database did not answer" warning per refused request would bury the report; the
        // report counts the "try again" answers instead.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.changebot.slack.inbound.Failures"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        var db = TestPostgres.freshDatabase();
        System.out.println("Database measured: " + db.durabilitySettings());
        System.out.println("Load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim()
                + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        int[] counts = phases.stream().mapToInt(Phase::requests).toArray();
        int pending = TrafficMix.approvalsIn(counts) + 10;
        var plan = TrafficMix.plan(counts, pending);
        var floorDb = TestPostgres.freshDatabase();
        var appProperties = new java.util.HashMap<String, Object>(Map.of("changebot.outbox.interval", 250));
        // Slack's chat.update pace (Tier 3, about 50 a minute per workspace) is the production default and
        // sets the message-update lag after a burst on many messages; these lift it to see the outbox's own.
        copyEnv("UPDATES_PER_MINUTE", "changebot.slack.updates-per-minute", appProperties);
        copyEnv("UPDATE_BURST", "changebot.slack.update-burst", appProperties);
        System.out.println("chat.update pace: " + appProperties.getOrDefault("changebot.slack.updates-per-minute",
                "50 (default)") + " a minute, burst " + appProperties.getOrDefault("changebot.slack.update-burst",
                "20 (default)"));
        try (var slack = FakeSlackApi.start();
             // The outbox pump at its production interval: message updates follow the ack, as in production.
             var app = RunningApp.start(db, slack, appProperties);
             var floor = DurableCommitFloor.on(floorDb);
             var bare = BareBoltApp.start(RunningApp.SIGNING_SECRET, RunningApp.BOT_TOKEN, slack.baseUrl());
             var floorApp = BareBoltApp.start(RunningApp.SIGNING_SECRET, RunningApp.BOT_TOKEN, slack.baseUrl(),
                     floor::commitOne);
             var generator = new LoadGenerator(RunningApp.SIGNING_SECRET);
             var changebotProbe = PostgresProbe.of(db);
             var floorProbe = PostgresProbe.of(floorDb)) {
            var messages = PendingChanges.request(app, db, pending);
            System.out.println("Statements counted from " + changebotProbe.statementSource());
            var idleStart = PhaseCost.Mark.now(null);
            TimeUnit.SECONDS.sleep(IDLE_SECONDS);
            double idleJvmCpu = idleStart.jvmCpuRateUntil(PhaseCost.Mark.now(null));
            System.out.printf(Locale.ROOT, "JVM CPU is the bench JVM's (servers in-process) less the load generator's"
                    + " threads and less the idle JVM's %.1f ms/s (measured over %d s with all three servers up);"
                    + " the fake Slack API and GC stay in. Costs include %d s after each phase (outbox delivery,"
                    + " statistics flush).%n", idleJvmCpu, IDLE_SECONDS, SETTLE_SECONDS);
            var run = new Run(generator, plan, phases, messages, idleJvmCpu);
            run.server("bare Bolt (ack only)", bare.url(), null, false);
            run.server("bare Bolt + 1 durable commit", floorApp.url(), floorProbe, false);
            var approvals = run.server("Changebot", app.uri("/slack/events").toString(), changebotProbe, true);
            MessageUpdateLag.print(slack, messages, approvals, LAG_BOUND_SECONDS);
            System.out.printf("%nRSS of the bench JVM at the end: %d MB%n", PhaseCost.currentRssKb() / 1024);
        }
        System.exit(0);
    }

    /** The same planned requests, phase by phase, against one server after another. */
    private record Run(LoadGenerator generator, List<List<PlannedRequest>> plan, List<Phase> phases,
                       Map<Integer, PendingChanges.Message> messages, double idleJvmCpuPerSecond) {

        /** Runs every phase against {@code url}; the approvals of each measured phase, for the lag. */
        Map<String, List<Sample>> server(String name, String url, PostgresProbe probe, boolean byKind) throws Exception {
            System.out.printf("%n--- %s at %s%n", name, url);
            var approvals = new LinkedHashMap<String, List<Sample>>();
            for (int p = 0; p < phases.size(); p++) {
                var phase = phases.get(p);
                var start = PhaseCost.Mark.now(probe);
                var samples = generator.run(url, plan.get(p), phase.rate(), messages, name.charAt(0) + "Ev" + p + "x");
                if (!phase.measured()) {
                    continue;
                }
                TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
                var cost = start.until(PhaseCost.Mark.now(probe), idleJvmCpuPerSecond);
                PhaseReport.print(name, phase.name(), phase.rate(), samples, cost, byKind,
                        generator.worstLatenessMillis());
                approvals.put(phase.name(), samples.stream().filter(s -> s.kind().approves()).toList());
            }
            return approvals;
        }
    }

    private static void copyEnv(String variable, String property, Map<String, Object> properties) {
        var value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            properties.put(property, Integer.parseInt(value.strip()));
        }
    }
}
