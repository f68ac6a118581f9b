package dev.changebot.bench;

import dev.changebot.support.AppProcess;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three servers of the side-by-side benchmark, each a JVM of its own started from the bench's
 * classpath with the same JVM options, so each one's CPU and memory are its own: Changebot as its
 * main class runs in production (environment variables, its outbox pump and scheduler running), and
 * the two bare Bolt baselines.
 */
final class ServerProcesses {

    private static final Duration START_BOUND = Duration.ofSeconds(120);

    private ServerProcesses() {
    }

    /**
     * {@code JAVA_OPTS} when the operator running the bench set it, else the README's options for the jar
     * (without the class-data archive: the servers run from the class path), so the memory measured is
     * the memory an operator following the README gets; printed by the benchmark with its figures.
     */
    static List<String> jvmOptions() {
        var fromEnvironment = System.getenv("JAVA_OPTS");
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            return List.of("-Xmx96m", "-Xmn32m", "-XX:+UseSerialGC");
        }
        return Arrays.stream(fromEnvironment.trim().split("\\s+")).toList();
    }

    static AppProcess changebot(TestDatabase database, FakeSlackApi slack, Path log) {
        return AppProcess.start(database, slack, RunningApp.TEST_POLICY, changebotJvmOptions(), paceProperties(),
                Map.of(), log);
    }

    /**
     * The servers' options, and for Changebot alone those in CHANGEBOT_JAVA_OPTS too: a profiler's
     * (e.g. -XX:StartFlightRecording=filename=/tmp/changebot.jfr) without recording the baselines.
     */
    static List<String> changebotJvmOptions() {
        var options = new ArrayList<>(jvmOptions());
        var extra = System.getenv("CHANGEBOT_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        return options;
    }

    /**
     * Slack's chat.update pace (Tier 3, about 50 a minute per workspace) is the production default and
     * sets the message-update lag after a burst on many messages; UPDATES_PER_MINUTE and UPDATE_BURST
     * lift it to see the outbox's own lag.
     */
    private static Map<String, String> paceProperties() {
        var properties = new HashMap<String, String>();
        copyEnv("UPDATES_PER_MINUTE", "changebot.slack.updates-per-minute", properties);
        copyEnv("UPDATE_BURST", "changebot.slack.update-burst", properties);
        return properties;
    }

    static String updatePace() {
        var properties = paceProperties();
        return properties.getOrDefault("changebot.slack.updates-per-minute", "50 (default)") + " a minute, burst "
                + properties.getOrDefault("changebot.slack.update-burst", "20 (default)");
    }

    private static void copyEnv(String variable, String property, Map<String, String> properties) {
        var value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            properties.put(property, Integer.toString(Integer.parseInt(value.strip())));
        }
    }

    static AppProcess bareBolt(FakeSlackApi slack, Path log) {
        return bolt(List.of("ack", slack.baseUrl()), log);
    }

    static AppProcess durableCommitFloor(FakeSlackApi slack, TestDatabase database, Path log) {
        return bolt(List.of("commit", slack.baseUrl(), database.url(), database.user(),
                database.password() == null ? "" : database.password()), log);
    }

    private static AppProcess bolt(List<String> arguments, Path log) {
        int port = AppProcess.freePort();
        var command = new ArrayList<String>(List.of(AppProcess.javaBinary()));
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareBoltApp.class.getName(),
                arguments.get(0), Integer.toString(port)));
        command.addAll(arguments.subList(1, arguments.size()));
        return AppProcess.launch(new ProcessBuilder(command), port, log).awaitHealthy(START_BOUND);
    }
}
