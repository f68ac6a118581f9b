package dev.changebot.packaging;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Changebot as a newcomer runs it, {@code java -jar target/changebot.jar} in a working directory
 * of its own or the README's Maven command, as a child process whose environment holds nothing
 * but HOME (plus what a test adds).
 */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "changebot.jar").toAbsolutePath();

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private JarProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with only HOME (and {@code extraEnv}) in its environment; the port is a JVM flag. */
    static JarProcess start(Path home, Path workDir, Map<String, String> extraEnv, Path log, String... args) {
        int port = freePort();
        var command = new ArrayList<String>(List.of(javaBinary(), "-Xmx384m", "-Dmicronaut.server.port=" + port,
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(extraEnv);
        try {
            return new JarProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + command, e);
        }
    }

    /**
     * The README's run command, {@code ./mvnw compile exec:java}, from the project directory with
     * only HOME, PATH (to find java) and this build's Maven caches: it downloads only what the build
     * has not (the exec plugin, on a fresh machine). The port is a system property, which exec:java
     * hands to the app.
     */
    static JarProcess startWithMavenWrapper(Path home, Path log) {
        int port = freePort();
        var m2 = Path.of(System.getProperty("user.home"), ".m2");
        var command = List.of(Path.of("mvnw").toAbsolutePath().toString(), "-q",
                "-Dmaven.repo.local=" + m2.resolve("repository"), "-Dmicronaut.server.port=" + port,
                "compile", "exec:java");
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        builder.environment().put("MAVEN_USER_HOME", m2.toString());
        try {
            return new JarProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + command, e);
        }
    }

    /** Waits for /health to answer 200 within {@code timeout}; fails with the log's tail otherwise. */
    JarProcess awaitHealthy(Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The jar exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return this;
                }
            } catch (IllegalStateException notYet) {
                // Not listening yet.
            }
            LockSupport.parkNanos(200_000_000);
        }
        throw new AssertionError("The jar did not become healthy within " + timeout + ":\n" + logTail());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(5)).build());
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(5));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** SIGTERM, as an operator or a service manager stops it; the exit code once it has stopped. */
    int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** SIGKILL: no shutdown hooks, nothing cleaned up (the OOM killer, a crashed session). */
    void kill(Duration timeout) {
        process.destroyForcibly();
        awaitExit(timeout);
    }

    /** Waits for a process started with arguments (a command, not the server) to end. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("The jar did not exit within " + timeout + ":\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    String logTail() {
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
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
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

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
