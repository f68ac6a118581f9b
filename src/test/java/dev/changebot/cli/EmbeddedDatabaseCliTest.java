package dev.changebot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.persistence.embedded.DataDirectory;
import dev.changebot.persistence.embedded.EmbeddedDatabase;
import dev.changebot.persistence.embedded.EmbeddedForCommands;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.PostgresProcesses;
import dev.changebot.support.RunningApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit and evidence commands without --db on a machine where the bot ran on its embedded
 * PostgreSQL: they use the running bot's server, and while the bot is stopped they start the server on
 * its data directory for their duration, holding the one-process lock, and stop it after.
 */
@Timeout(240)
class EmbeddedDatabaseCliTest {

    @TempDir
    Path dataDir;

    @org.junit.jupiter.api.BeforeEach
    void noDatabaseNamed() {
        // A database named in the environment comes first for the commands, as it does for the bot.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DATASOURCES_DEFAULT_URL") == null,
                "DATASOURCES_DEFAULT_URL is set: the commands would use that database");
    }

    @Test
    @DisplayName("audit verify, audit checkpoint and evidence export use the running bot's server, then one of their own")
    void runningThenStopped() throws Exception {
        var keyFile = dataDir.resolve("audit-signing-key.pem").toString();
        try (var slack = FakeSlackApi.start()) {
            var app = RunningApp.startWith(Map.of("changebot.data-dir", dataDir.toString(),
                    "slack.bot-token", RunningApp.BOT_TOKEN, "slack.signing-secret", RunningApp.SIGNING_SECRET,
                    "slack.api-url", slack.baseUrl(), "changebot.policy", RunningApp.TEST_POLICY));
            try {
                var verify = cli("audit", "verify");
                assertThat(verify.exit()).as(verify.toString()).isZero();
                assertThat(verify.err()).contains("Using the running bot's embedded PostgreSQL");
                var checkpoint = cli("audit", "checkpoint", "--key-file", keyFile);
                assertThat(checkpoint.exit()).as(checkpoint.toString()).isZero();
            } finally {
                app.close();
            }
        }
        var cluster = dataDir.resolve("postgres");
        assertThat(PostgresProcesses.awaitNoneOn(cluster, Duration.ofSeconds(15))).isTrue();

        var verify = cli("audit", "verify");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.err()).contains("started for this command (the bot is stopped)");
        var pack = dataDir.resolve("pack.zip");
        var export = cli("evidence", "export", "--period", "30d", "--out", pack.toString(), "--workspace", "T0EMBED",
                "--key-file", keyFile);
        assertThat(export.exit()).as(export.toString()).isZero();
        assertThat(Files.size(pack)).isPositive();
        assertThat(PostgresProcesses.awaitNoneOn(cluster, Duration.ofSeconds(15)))
                .as("the server started for a command is stopped after it").isTrue();

        // While a command holds the data directory, a bot starting on it is refused with a message.
        var directory = DataDirectory.resolve(dataDir.toString(), Map.of());
        try (var session = new EmbeddedForCommands().open(Map.of("CHANGEBOT_DATA_DIR", dataDir.toString())).orElseThrow()) {
            assertThat(session.describe()).contains("started for this command");
            assertThatThrownBy(() -> EmbeddedDatabase.start(directory))
                    .hasMessageContaining("another Changebot process is running on it")
                    .hasMessageContaining("a command such as `audit verify`");
        }
        assertThat(PostgresProcesses.awaitNoneOn(cluster, Duration.ofSeconds(15))).isTrue();
    }

    @Test
    @DisplayName("without --db and without an embedded database in the data directory, the commands say what to give")
    void nothingThere() {
        var verify = cli("audit", "verify");
        assertThat(verify.exit()).isEqualTo(64);
        assertThat(verify.err()).contains("Give --db URL or --pack FILE", "no embedded database");
        var checkpoint = cli("audit", "checkpoint");
        assertThat(checkpoint.exit()).isEqualTo(ChangebotCommand.USAGE);
        assertThat(checkpoint.err()).contains("no embedded database of the bot was found");
    }

    /** The data directory is the bot's setting changebot.data-dir, read from the system property for the run. */
    private Result cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        System.setProperty("changebot.data-dir", dataDir.toString());
        try {
            int exit = ChangebotCommand.run(new PrintWriter(out), new PrintWriter(err), args);
            return new Result(exit, out.toString(), err.toString());
        } finally {
            System.clearProperty("changebot.data-dir");
        }
    }

    private record Result(int exit, String out, String err) {
    }
}
