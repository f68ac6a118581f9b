package dev.changebot.persistence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server left running on our data directory by a JVM that was killed outright (SIGKILL, the OOM
 * killer): no hook ran to stop it, and it holds the directory, so ours could not start. Found by the
 * directory's {@code postmaster.pid}, and stopped only when that process really is a postgres whose
 * working directory is ours: a pid can be reused, and another server is never ours to touch.
 * Callers hold the data directory's lock, so no live Changebot is using that server.
 */
final class OrphanedServer {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);
    static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);
    static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(10);

    private OrphanedServer() {
    }

    /** Stops the server running on {@code cluster}, if any; removes a pid file nobody holds. */
    static void stopIfRunning(Path cluster) {
        var pidFile = cluster.resolve("postmaster.pid");
        var pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        var process = ProcessHandle.of(pid.get()).filter(p -> isPostgresOn(p, cluster));
        if (process.isEmpty()) {
            // PostgreSQL would refuse to start on a pid file naming a live process that is not it
            // (a reused pid); nobody holds this one.
            LOG.info("Removing a stale postmaster.pid (pid {} is not a server on {})", pid.get(), cluster);
            deleteQuietly(pidFile);
            return;
        }
        LOG.warn("A PostgreSQL server (pid {}) was left running on {} by an earlier run that did not stop it;"
                + " stopping it before starting ours", pid.get(), cluster);
        // SIGINT is PostgreSQL's fast shutdown: sessions end, the checkpoint is written.
        if (signalAndWait(process.get(), "INT", FAST_SHUTDOWN) || signalAndWait(process.get(), "QUIT",
                IMMEDIATE_SHUTDOWN)) {
            return;
        }
        throw new EmbeddedDatabaseException("The embedded PostgreSQL cannot use its data directory " + cluster
                + ": a server left there by an earlier run (pid " + pid.get() + ") did not stop within "
                + (FAST_SHUTDOWN.plus(IMMEDIATE_SHUTDOWN).toSeconds()) + " s. Fix: stop it (`kill " + pid.get()
                + "`) and start Changebot again.");
    }

    /** The postmaster's pid from the first line of its pid file, if there is one. */
    static Optional<Long> readPid(Path pidFile) {
        try {
            var lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            // Torn by a crash mid-write: it names no process, so it holds nothing.
            LOG.info("Removing an unreadable postmaster.pid in {} ({})", pidFile.getParent(), e.toString());
            deleteQuietly(pidFile);
            return Optional.empty();
        }
    }

    /**
     * A postgres executable whose working directory is {@code cluster}: the postmaster changes into
     * its data directory at start, so this tells our server from any other on the machine.
     */
    static boolean isPostgresOn(ProcessHandle process, Path cluster) {
        var isPostgres = process.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        if (!isPostgres) {
            return false;
        }
        try {
            var cwd = Path.of("/proc", Long.toString(process.pid()), "cwd").toRealPath();
            return cwd.equals(cluster.toRealPath());
        } catch (IOException e) {
            // The process exited meanwhile, or this is not Linux: judge by its arguments instead.
            var arguments = process.info().arguments().map(List::of).orElse(List.of());
            int d = arguments.indexOf("-D");
            return d >= 0 && d + 1 < arguments.size() && Path.of(arguments.get(d + 1)).toAbsolutePath().normalize()
                    .equals(cluster.toAbsolutePath().normalize());
        }
    }

    private static boolean signalAndWait(ProcessHandle process, String signal, Duration bound) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(5, TimeUnit.SECONDS);
            process.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (IOException | ExecutionException e) {
            LOG.warn("Could not signal pid {}: {}", process.pid(), e.toString());
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
