package dev.changebot.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of one test's own, which the test may stop, start again on the same data
 * and port, or freeze: every process of the server SIGSTOPped, as a network partition or a hung
 * host looks to the app (connections stay open, nothing answers). Not the shared TestPostgres
 * server, which other tests in the JVM use. Closing it thaws it first, so a failing test never
 * leaves a stopped server behind.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;
    private long frozenPostmaster;
    private List<Long> frozenChildren = List.of();

    private OwnPostgres(Path dataDirectory, EmbeddedPostgres server) {
        this.dataDirectory = dataDirectory;
        this.server = server;
        this.port = server.getPort();
    }

    public static OwnPostgres start() {
        try {
            var directory = Files.createTempDirectory("changebot-own-pg");
            return new OwnPostgres(directory, builder(directory).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a PostgreSQL server for the test", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path directory) {
        return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false);
    }

    /** The app's database on this server (the server's own "postgres" database). */
    public TestDatabase database() {
        return new TestDatabase("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /** A clean shutdown: connections are refused until {@link #restart()}. */
    public void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same data on the same port, as after an operator restarted the server. */
    public void restart() {
        try {
            server = builder(dataDirectory).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart the test's PostgreSQL server", e);
        }
    }

    /** SIGSTOP to the postmaster first (so it forks nothing new), then to every process under it. */
    public synchronized void freeze() {
        var postmaster = postmasterPid();
        signal("STOP", List.of(postmaster), true);
        var children = new ArrayList<Long>();
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> children.add(d.pid())));
        signal("STOP", children, true);
        frozenPostmaster = postmaster;
        frozenChildren = children;
    }

    /**
     * SIGCONT to the children first, then the postmaster. A backend whose client gave up exits as
     * soon as it runs again; with the postmaster still stopped it stays a zombie, so every signal
     * still finds its process. Harmless when nothing is frozen.
     */
    public synchronized void thaw() {
        if (frozenPostmaster != 0) {
            signal("CONT", frozenChildren, false);
            signal("CONT", List.of(frozenPostmaster), true);
            frozenPostmaster = 0;
            frozenChildren = List.of();
        }
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("No postmaster.pid in " + dataDirectory, e);
        }
    }

    private static void signal(String signal, List<Long> pids, boolean mustReachAll) {
        if (pids.isEmpty()) {
            return;
        }
        var command = new ArrayList<String>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            var kill = new ProcessBuilder(command).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || mustReachAll && kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pids + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        thaw();
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            System.err.println("Could not stop the test's PostgreSQL server: " + e.getMessage());
        } finally {
            deleteQuietly(dataDirectory);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e.getMessage());
        }
    }
}
