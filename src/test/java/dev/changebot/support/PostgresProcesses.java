package dev.changebot.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The processes and files of an embedded PostgreSQL the app runs in a data directory: every
 * postgres process of a cluster has it as its working directory, which tells them from any other
 * server on the machine.
 */
public final class PostgresProcesses {

    private PostgresProcesses() {
    }

    /** The postmaster and its children running on {@code cluster}. */
    public static List<ProcessHandle> runningOn(Path cluster) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            var real = cluster.toRealPath();
            return all.filter(p -> {
                try {
                    return Path.of("/proc", Long.toString(p.pid()), "cwd").toRealPath().equals(real);
                } catch (IOException | SecurityException gone) {
                    return false;
                }
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Waits (bounded) until no process runs on {@code cluster}; whether that happened. */
    public static boolean awaitNoneOn(Path cluster, Duration bound) {
        var deadline = System.nanoTime() + bound.toNanos();
        while (!runningOn(cluster).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(50_000_000);
        }
        return true;
    }

    /**
     * A host crash as the processes see one: all of them frozen at once (SIGSTOP), then all
     * killed (SIGKILL), so none acts between the first kill and the last.
     */
    public static void crash(List<Long> pids) {
        signal("STOP", pids);
        signal("KILL", pids);
        for (var pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> {
                try {
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("pid " + pid + " did not die", e);
                }
            });
        }
    }

    public static void signal(String signal, List<Long> pids) {
        var command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The app's children: the embedded server's watchdog. */
    public static List<Long> childrenOf(long pid) {
        return ProcessHandle.of(pid).map(p -> p.children().map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    /** The port written in the cluster's postmaster.pid (its fourth line). */
    public static int port(Path cluster) throws IOException {
        return Integer.parseInt(Files.readAllLines(cluster.resolve("postmaster.pid")).get(3).trim());
    }

    /** A connection as one of the roles whose password the app keeps in its data directory. */
    public static Connection connect(Path dataDir, String role, String passwordKey) throws IOException, SQLException {
        var passwords = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("postgres.credentials"))) {
            passwords.load(in);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port(dataDir.resolve("postgres"))
                + "/postgres", role, passwords.getProperty(passwordKey));
    }
}
