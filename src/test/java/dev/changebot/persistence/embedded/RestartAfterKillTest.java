package dev.changebot.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
import dev.changebot.support.AppProcess;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.PostgresProcesses;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts on the same data directory after the app died without cleaning up: the JVM SIGKILLed
 * (its watchdog then stops the server), the JVM and its watchdog SIGKILLed (the server is left
 * running, an orphan), a stale postmaster.pid naming a dead process. Every start is healthy within
 * a bound and finds the data of the earlier runs.
 */
@Timeout(400)
class RestartAfterKillTest {

    @TempDir
    Path home;
    @TempDir
    Path dataDir;
    private final List<AppProcess> started = new ArrayList<>();

    @AfterEach
    void leaveNothingRunning() {
        started.forEach(AppProcess::close);
        var cluster = dataDir.resolve("postgres");
        var left = PostgresProcesses.runningOn(cluster);
        if (!PostgresProcesses.awaitNoneOn(cluster, Duration.ofSeconds(20))) {
            PostgresProcesses.signal("KILL", left.stream().map(ProcessHandle::pid).toList());
            throw new AssertionError("a postgres of ours was left running: " + left);
        }
    }

    private AppProcess start(FakeSlackApi slack, String name) {
        var properties = new HashMap<>(AppProcess.slackProperties(slack, RunningApp.TEST_POLICY));
        properties.put("changebot.data-dir", dataDir.toString());
        var app = AppProcess.startWithoutEnvironment(home, home, properties, Path.of("target", "restart-after-kill-"
                + name + ".log"));
        started.add(app);
        return app;
    }

    private static void requestChange(AppProcess app, String title) {
        var response = app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel("C0DEPLOYS").encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).title(title).state()), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String list(AppProcess app) {
        return app.slack(SlashCommandsAccess.of("U0DEV", "C0DEPLOYS", "list"), SlackPayloads.FORM).body();
    }

    @Test
    @DisplayName("SIGKILLed JVM, orphaned server, stale pid file: each next start is healthy and finds the earlier data")
    void restartsAlwaysWork() throws Exception {
        var cluster = dataDir.resolve("postgres");
        try (var slack = FakeSlackApi.start()) {
            var first = start(slack, "first");
            requestChange(first, "Before the first kill");
            // The JVM and its watchdog die together: nothing stops the server, which stays up holding the directory.
            var watchdog = PostgresProcesses.childrenOf(first.pid());
            assertThat(watchdog).as("the server's watchdog").isNotEmpty();
            PostgresProcesses.signal("KILL", watchdog);
            first.kill();
            var orphan = PostgresProcesses.runningOn(cluster);
            assertThat(orphan).as("an orphaned server").isNotEmpty();

            long before = System.nanoTime();
            var second = start(slack, "second");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(90));
            assertThat(orphan).as("the orphan was stopped").noneMatch(ProcessHandle::isAlive);
            assertThat(list(second)).contains("Before the first kill");
            requestChange(second, "Before the second kill");

            // The JVM alone is killed: its watchdog stops the server.
            second.kill();
            assertThat(PostgresProcesses.awaitNoneOn(cluster, Duration.ofSeconds(30)))
                    .as("the watchdog stopped the server of the killed JVM").isTrue();

            // A pid file left by a crash, naming a process that no longer exists.
            var dead = new ProcessBuilder("true").start();
            dead.waitFor();
            Files.writeString(cluster.resolve("postmaster.pid"), dead.pid() + "\n" + cluster + "\n0\n5432\n\n\n0 0\nready\n");

            var third = start(slack, "third");
            assertThat(list(third)).contains("Before the first kill", "Before the second kill");
            assertThat(third.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
        assertThat(PostgresProcesses.awaitNoneOn(cluster, Duration.ofSeconds(20))).isTrue();
    }
}
