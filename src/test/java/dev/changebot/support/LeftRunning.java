package dev.changebot.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What a launched app may leave running after its JVM has gone: the embedded PostgreSQL, which its
 * shutdown hook or watchdog stops a moment later. A test that started the app in a temporary HOME
 * waits for that before JUnit deletes the directory, or the server's last WAL writes race the
 * deletion (and a server left running would be a defect in its own right).
 */
public final class LeftRunning {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private LeftRunning() {
    }

    /**
     * Returns once no process names {@code home} on its command line and the embedded server of
     * {@code home/.changebot/postgres} (if its pid file remains) is dead; fails after 30 seconds.
     */
    public static void assertNothingRunsIn(Path home) {
        var deadline = System.nanoTime() + BOUND.toNanos();
        List<String> ours;
        do {
            ours = processesNaming(home);
            if (ours.isEmpty()) {
                break;
            }
            LockSupport.parkNanos(200_000_000);
        } while (System.nanoTime() < deadline);
        assertThat(ours).as("processes of ours still running").isEmpty();
        var pidFile = home.resolve(".changebot").resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = postmasterPid(pidFile);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the embedded PostgreSQL (pid %d) is stopped", pid).isFalse();
        }
    }

    private static List<String> processesNaming(Path home) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(home.toString())).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    private static long postmasterPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
