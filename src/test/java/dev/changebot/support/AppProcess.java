package dev.changebot.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Changebot in a JVM of its own, started the way an operator starts it (the real main class,
 * configured by environment variables), so a test can kill it outright: SIGKILL, no shutdown hooks,
 * no Quartz shutdown, connections dropped mid-transaction.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private AppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the app on {@code database} and the fake Slack with {@code policy}; returns once /health answers. */
    public static AppProcess start(TestDatabase database, FakeSlackApi slack, String policy, Map<String, String> properties,
                                   Path log) {
        return start(database, slack, policy, properties, Map.of(), log);
    }

    /** As {@link #start(TestDatabase, FakeSlackApi, String, Map, Path)}, with more environment variables. */
    public static AppProcess start(TestDatabase database, FakeSlackApi slack, String policy, Map<String, String> properties,
                                   Map<String, String> environment, Path log) {
        int port = freePort();
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("dev.changebot.Application");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
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
        env.putAll(environment);
        try {
            var app = new AppProcess(builder.start(), port);
            app.awaitHealthy(Duration.ofSeconds(90), log);
            return app;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the app process", e);
        }
    }

    /**
     * Zero-setup, as a newcomer runs the jar: no database URL (the embedded PostgreSQL), an
     * environment empty apart from {@code HOME}, started in {@code workingDirectory}. Everything else
     * (the port, a fake Slack, a data directory) comes as {@code -D} system properties.
     */
    public static AppProcess startWithoutEnvironment(Path home, Path workingDirectory, Map<String, String> properties,
                                                     Path log) {
        int port = freePort();
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "-Dmicronaut.server.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("dev.changebot.Application");
        var builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        try {
            var app = new AppProcess(builder.start(), port);
            app.awaitHealthy(Duration.ofSeconds(120), log);
            return app;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the app process", e);
        }
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
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException("The app process did not exit within " + bound + " of SIGTERM");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET on the app's own port. */
    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(Duration timeout, Path log) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app process exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).GET()
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(100_000_000);
        }
        kill();
        throw new IllegalStateException("The app process did not become healthy within " + timeout + "; see " + log);
    }

    /** A request signed now with the test secret, as Slack sends it. */
    public HttpResponse<String> slack(String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        RunningApp.signedHeaders(body, contentType, Instant.now()).forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
