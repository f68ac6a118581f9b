package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-setup mode: no database URL, so the app runs its own embedded PostgreSQL in its data
 * directory, stops it on close, and finds everything again on the next start.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("after a restart on the same data directory, /change show CHG-1 still shows the change and its approval")
    void changesSurviveARestart() {
        try (var slack = FakeSlackApi.start()) {
            try (var first = startEmbedded(slack)) {
                first.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                        ChangeRef.inChannel("C0DEPLOYS").encode(),
                        ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).state()), SlackPayloads.FORM);
                var approved = first.slack(SlashCommands.of("U0REVIEW", "C0DEPLOYS", "approve CHG-1"),
                        SlackPayloads.FORM);
                assertThat(approved.body()).contains("You approved CHG-1.");
            }
            assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
            assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")))
                    .as("the embedded server stopped cleanly").isFalse();

            try (var second = startEmbedded(slack)) {
                var show = second.slack(SlashCommands.of("U0REQUEST", "C0DEPLOYS", "show CHG-1"), SlackPayloads.FORM);
                var blocks = JsonParser.parseString(show.body()).getAsJsonObject().get("blocks").toString();
                assertThat(blocks).contains("CHG-1 · Upgrade payments-api to 2.4", "approved",
                        "approved by <@U0REVIEW>");
            }
        }
    }

    private RunningApp startEmbedded(FakeSlackApi slack) {
        return RunningApp.startWith(Map.of(
                "changebot.data-dir", dataDir.toString(),
                "slack.bot-token", RunningApp.BOT_TOKEN,
                "slack.signing-secret", RunningApp.SIGNING_SECRET,
                "slack.api-url", slack.baseUrl(),
                "changebot.policy", RunningApp.TEST_POLICY));
    }
}
