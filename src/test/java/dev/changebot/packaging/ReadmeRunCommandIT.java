package dev.changebot.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.LeftRunning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, {@code ./mvnw compile exec:java}, with no configuration at all. */
class ReadmeRunCommandIT {

    @TempDir
    Path home;

    @Test
    @Timeout(300)
    @DisplayName("./mvnw compile exec:java starts the bot on the embedded database in ~/.changebot, with the sandbox, and stops on SIGTERM")
    void readmeRunCommandStarts() throws IOException {
        var log = home.resolve("mvnw.log");
        try (var bot = NewcomerLaunch.mavenWrapper(home, log)
                .awaitHealthy(Duration.ofSeconds(180))) {
            var health = JsonParser.parseString(bot.get("/health").body()).getAsJsonObject();

            assertThat(health.get("status").getAsString()).isEqualTo("UP");
            assertThat(home.resolve(".changebot/postgres/PG_VERSION")).exists();
            // No Slack credentials: the README's command opens the sandbox, and says where.
            assertThat(Files.readString(log)).contains("Sandbox: open http://localhost:" + bot.port() + "/sandbox");
            PackagedJarIT.assertSandboxAnswers(bot);
            bot.terminate(Duration.ofSeconds(60));
        }
        LeftRunning.assertNothingRunsIn(home);
    }
}
