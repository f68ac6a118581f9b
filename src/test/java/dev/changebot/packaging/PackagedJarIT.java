package dev.changebot.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.AppProcess;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.LeftRunning;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as the README says: {@code java -jar target/changebot.jar} from any
 * directory, with nothing in the environment but HOME. Runs in {@code ./mvnw verify} after the
 * jar is built, so CI cannot be green while the README's run command is broken.
 */
class PackagedJarIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration STOP = Duration.ofSeconds(60);

    @TempDir
    Path home;
    @TempDir
    Path workDir;

    @Test
    @Timeout(600)
    @DisplayName("no environment: starts on the embedded database in ~/.changebot with the sandbox answering; SIGTERM, SIGKILL and restarts leave nothing behind and lose nothing")
    void runsStopsAndRestartsWithNoEnvironment() throws IOException {
        var log = home.resolve("changebot.log");
        var dataDir = home.resolve(".changebot").resolve("postgres");

        try (var first = NewcomerLaunch.jar(home, workDir, Map.of(), log).awaitHealthy(START)) {
            var health = JsonParser.parseString(first.get("/health").body()).getAsJsonObject();
            assertThat(health.get("status").getAsString()).isEqualTo("UP");
            var details = health.getAsJsonObject("details");
            assertThat(details.getAsJsonObject("jdbc").get("status").getAsString()).isEqualTo("UP");
            var slackHealth = details.getAsJsonObject("slack").getAsJsonObject("details");
            assertThat(slackHealth.get("message").getAsString()).contains("SLACK_BOT_TOKEN");
            assertThat(slackHealth.get("mode").getAsString()).as("no Slack credentials: the sandbox").isEqualTo("sandbox");
            assertThat(dataDir.resolve("PG_VERSION")).as("the data lives in $HOME/.changebot/postgres").exists();
            // The whole line, its "…" included: the log is UTF-8 even though this environment has no locale.
            assertThat(Files.readString(log)).contains("Sandbox: open http://localhost:" + first.port()
                    + "/sandbox (no Slack workspace needed; set SLACK_BOT_TOKEN… to connect to Slack)");
            assertSandboxAnswers(first);

            assertThat(first.terminate(STOP)).as("SIGTERM is a clean stop").isIn(0, 143);
        }
        LeftRunning.assertNothingRunsIn(home);

        try (var slack = FakeSlackApi.start()) {
            var withSlack = Map.of("SLACK_BOT_TOKEN", RunningApp.BOT_TOKEN,
                    "SLACK_SIGNING_SECRET", RunningApp.SIGNING_SECRET, "SLACK_API_URL", slack.baseUrl());
            try (var second = NewcomerLaunch.jar(home, workDir, withSlack, log).awaitHealthy(START)) {
                assertThat(second.get("/sandbox/api/state").statusCode()).as("no sandbox beside real Slack").isEqualTo(404);
                var help = command(second, "help");
                assertThat(help.get("text").getAsString()).contains("/change new", "/change list");

                var form = ChangeForms.complete(nextWednesdayNoon()).inClass("standard").title("Rotate the TLS certificates");
                var submitted = second.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL,
                        ChangeRef.inChannel("C0DEPLOYS").encode(), form.state()), SlackPayloads.FORM);
                assertThat(submitted.statusCode()).isEqualTo(200);
                assertThat(submitted.body()).doesNotContain("errors");

                second.kill();
            }
            // A killed JVM runs no hooks: whatever it left running must not stop the next start.
            try (var third = NewcomerLaunch.jar(home, workDir, withSlack, log).awaitHealthy(START)) {
                assertThat(command(third, "list").toString()).contains("CHG-1", "Rotate the TLS certificates");
                assertThat(third.terminate(STOP)).isIn(0, 143);
            }
        }
        LeftRunning.assertNothingRunsIn(home);
    }

    @Test
    @Timeout(120)
    @DisplayName("--help prints the usage and an unknown word exits 64; neither starts a server or a database")
    void commandsNeverStartTheServer() throws IOException {
        var log = home.resolve("cli.log");

        try (var help = NewcomerLaunch.jar(home, workDir, Map.of(), log, "--help")) {
            assertThat(help.awaitExit(Duration.ofSeconds(60))).isZero();
        }
        assertThat(Files.readString(log)).contains("Usage: changebot", "policy");

        try (var unknown = NewcomerLaunch.jar(home, workDir, Map.of(), log, "frobnicate")) {
            assertThat(unknown.awaitExit(Duration.ofSeconds(60))).isEqualTo(64);
        }
        assertThat(Files.readString(log)).contains("Unmatched argument", "frobnicate");
        assertThat(home.resolve(".changebot")).doesNotExist();
    }

    /**
     * The sandbox works from the jar: a slash command typed in the page reaches the bot through its
     * signed route, and the bot's answer (an ephemeral help) is in the workspace the page reads.
     */
    static void assertSandboxAnswers(AppProcess app) {
        var typed = app.post("/sandbox/api/command", "{\"as\":\"U0ALICE\",\"channel\":\"C0CHANGES\",\"text\":\"/change help\"}",
                Map.of("Content-Type", "application/json"));
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        assertThat(JsonParser.parseString(typed.body()).getAsJsonObject().get("ok").getAsBoolean()).as(typed.body()).isTrue();
        var state = JsonParser.parseString(app.get("/sandbox/api/state?as=U0ALICE").body()).getAsJsonObject();
        assertThat(state.getAsJsonObject("team").get("id").getAsString()).isEqualTo("T0SANDBOX");
        assertThat(state.getAsJsonArray("ephemerals").toString()).contains("/change new");
    }

    private static JsonObject command(AppProcess app, String text) {
        var response = app.slack(SlackPayloads.slashCommand("U0DEV", "C0DEPLOYS", text), SlackPayloads.FORM);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** Outside the default policy's weekend freeze, whatever day the suite runs. */
    private static Instant nextWednesdayNoon() {
        return ZonedDateTime.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
                .with(LocalTime.NOON).toInstant();
    }
}
