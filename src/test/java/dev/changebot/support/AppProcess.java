package dev.changebot.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Changebot in a process of its own, started the way an operator starts it (the main class, the
 * packaged jar or the Maven wrapper, configured by environment variables), so a test can stop it
 * as an operator does (SIGTERM) or kill it outright: SIGKILL, no shutdown hooks, no Quartz
 * shutdown, connections dropped mid-transaction.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts what {@code builder} describes (its command, directory and environment, as the caller
     * set them), its output appended to {@code log}; the app is to listen on {@code port}. Not
     * waited for: a server is awaited with {@link #awaitHealthy}, a command with {@link #awaitExit}.
     */
    public static AppProcess launch(ProcessBuilder builder, int port, Path log) {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new AppProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + builder.command(), e);
        }
    }

    /** A log of this start alone: launch appends, so that several starts of one app can share a log. */
    private static Path emptied(Path log) {
        try {
            Files.deleteIfExists(log);
            return log;
        } catch (IOException e) {
            throw new IllegalStateException("Could not clear " + log, e);
        }
    }

    /** The java binary of the running test JVM, for child JVMs. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts the app on {@code database} and the fake Slack with {@code policy}; returns once /health answers. */
    public static AppProcess start(TestDatabase database, FakeSlackApi slack, String policy, Map<String, String> properties,
                                   Path log) {
        return start(database, slack, policy, properties, Map.of(), log);
    }

    /** As {@link #start(TestDatabase, FakeSlackApi, String, Map, Path)}, with more environment variables. */
    public static AppProcess start(TestDatabase database, FakeSlackApi slack, String policy, Map<String, String> properties,
                                   Map<String, String> environment, Path log) {
        return start(database, slack, policy, List.of("-Xmx256m"), properties, environment, log);
    }

    /** As {@link #start(TestDatabase, FakeSlackApi, String, Map, Map, Path)}, with these JVM options. */
    public static AppProcess start(TestDatabase database, FakeSlackApi slack, String policy, List<String> jvmOptions,
                                   Map<String, String> properties, Map<String, String> environment, Path log) {
        int port = freePort();
        var command = new ArrayList<String>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        // A benchmark may run the packaged jar instead (its class-data archive maps classes from jars only).
        command.addAll(List.of("-cp", System.getProperty("changebot.app.classpath", System.getProperty("java.class.path"))));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("dev.changebot.Application");
        var builder = new ProcessBuilder(command);
        var env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("DATASOURCES_")
                || name.startsWith("CHANGEBOT_") || name.startsWith("MICRONAUT_"));
        env.put("DATASOURCES_DEFAULT_URL", database.url());
        env.put("DATASOURCES_DEFAULT_USERNAME", database.user());
        env.put("DATASOURCES_DEFAULT_PASSWORD", database.password() == null ? "" : database.password());
        env.put("SLACK_BOT_TOKEN", RunningApp.BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", RunningApp.SIGNING_SECRET);
        env.put("SLACK_API_URL", slack.baseUrl());
        env.put("CHANGEBOT_POLICY", new File(policy).getAbsolutePath());
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("CHANGEBOT_AUDIT_KEY_FILE", RunningApp.auditKeyFile(database.url()).toString());
        env.putAll(environment);
        return launch(builder, port, emptied(log)).awaitHealthy(Duration.ofSeconds(90));
    }

    /**
     * Zero-setup, as a newcomer runs the jar: no database URL (the embedded PostgreSQL), an
     * environment empty apart from {@code HOME}, started in {@code workingDirectory}. Everything else
     * (the port, a fake Slack, a data directory) comes as {@code -D} system properties.
     */
    public static AppProcess startWithoutEnvironment(Path home, Path workingDirectory, Map<String, String> properties,
                                                     Path log) {
        int port = freePort();
        var command = new ArrayList<String>(List.of(javaBinary(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.server.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("dev.changebot.Application");
        var builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        return launch(builder, port, emptied(log)).awaitHealthy(Duration.ofSeconds(120));
    }

    /** Slack's fake and the test policy, as system properties for {@link #startWithoutEnvironment}. */
    public static Map<String, String> slackProperties(FakeSlackApi slack, String policy) {
        return Map.of("slack.bot-token", RunningApp.BOT_TOKEN, "slack.signing-secret", RunningApp.SIGNING_SECRET,
                "slack.api-url", slack.baseUrl(), "changebot.policy", new File(policy).getAbsolutePath());
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** SIGTERM, as an orchestrator stops the app; its exit code once it has exited. */
    public int terminate(Duration bound) {
        process.destroy();
        return awaitExit(bound);
    }

    /** The exit code once the process has ended by itself (a command, not the server) within {@code bound}. */
    public int awaitExit(Duration bound) {
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException("The app process did not exit within " + bound + ":\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Returns once /health answers 200; fails with the end of the log if the app exits or takes longer. */
    public AppProcess awaitHealthy(Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app process exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return this;
                }
            } catch (IllegalStateException notYet) {
                if (Thread.currentThread().isInterrupted()) {
                    throw notYet;
                }
                // Not listening yet.
            }
            LockSupport.parkNanos(100_000_000);
        }
        kill();
        throw new IllegalStateException("The app process did not become healthy within " + timeout + ":\n" + logTail());
    }

    /** GET on the app's own port. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(5)).build());
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A request signed now with the test secret, as Slack sends it. */
    public HttpResponse<String> slack(String body, String contentType) {
        return post("/slack/events", body, RunningApp.signedHeaders(body, contentType, Instant.now()));
    }

    /** SIGKILL: the process gets no chance to clean up. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The app process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines the app wrote, for a failure message that explains itself in CI's output. */
    public String logTail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * A port nothing listens on, for the app's HTTP server, taken below the kernel's ephemeral range:
     * the app's embedded PostgreSQL asks the kernel for any free port (bind to 0), which comes from
     * that range and can be the very port a bind to 0 here had just handed back (CI saw the server
     * lose its port to the database that way). Falls back to the kernel's choice when none is free.
     */
    public static int freePort() {
        int below = ephemeralRangeStart();
        var random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = random.nextInt(10_000, below);
            try (var socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // In use: try another.
            }
        }
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first port of Linux's ephemeral range (ip_local_port_range), 32768 where it cannot be read. */
    private static int ephemeralRangeStart() {
        try {
            var range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            int start = Integer.parseInt(range.trim().split("\\s+")[0]);
            return start > 10_001 ? start : 32_768;
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
