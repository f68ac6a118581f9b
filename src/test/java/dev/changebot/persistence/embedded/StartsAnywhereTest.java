package dev.changebot.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.AppProcess;
import dev.changebot.support.PostgresProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first run: the real main class in a JVM of its own, from an arbitrary working
 * directory, with nothing in its environment but HOME.
 */
@Timeout(240)
class StartsAnywhereTest {

    @TempDir
    Path home;
    @TempDir
    Path workingDirectory;

    @Test
    @DisplayName("with only HOME set it starts healthy on the embedded database in $HOME/.changebot/postgres, and SIGTERM leaves no server running")
    void startsWithAnEmptyEnvironment() throws Exception {
        var log = Path.of("target", "starts-anywhere.log");
        var cluster = home.resolve(".changebot").resolve("postgres");
        try (var app = AppProcess.startWithoutEnvironment(home, workingDirectory, Map.of(), log)) {
            var health = app.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(cluster.resolve("PG_VERSION")).exists();
            assertThat(PostgresProcesses.runningOn(cluster)).as("its server runs on that directory").isNotEmpty();
            try (var files = Files.list(workingDirectory)) {
                assertThat(files.toList()).as("nothing is created in the working directory").isEmpty();
            }

            assertThat(app.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
        }
        assertThat(PostgresProcesses.awaitNoneOn(cluster, Duration.ofSeconds(15)))
                .as("SIGTERM stops the embedded server too").isTrue();
        assertThat(cluster.resolve("postmaster.pid")).as("stopped cleanly").doesNotExist();
    }
}
