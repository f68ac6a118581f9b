package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.slack.inbound.Replies;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The database goes away: people hear "try again" in time, never a stack trace; nothing half-done; it recovers. */
class DatabaseOutageTest {

    static final String CHANNEL = "C0DEPLOYS";

    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack);

    @AfterEach
    void stop() {
        TestPostgres.setReachable(db, true);
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("a command during an outage is answered within Slack's 3 s with a clear message, and works once it is back")
    void answersInTimeAndRecovers() {
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);

        TestPostgres.setReachable(db, false);
        long started = System.nanoTime();
        var response = app.slackUndelivered(SlashCommands.of("U0REVIEW", CHANNEL, "approve CHG-1"), SlackPayloads.FORM,
                Instant.now());
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).as("inside Slack's 3-second window").isLessThan(Duration.ofSeconds(3));
        var text = JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString();
        assertThat(text).isEqualTo(Replies.TRY_AGAIN).doesNotContain("Exception", "at dev.");

        TestPostgres.setReachable(db, true);
        var retried = app.slack(SlashCommands.of("U0REVIEW", CHANNEL, "approve CHG-1"), SlackPayloads.FORM);
        assertThat(JsonParser.parseString(retried.body()).getAsJsonObject().get("text").getAsString()).contains("approved");
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "APPROVED");
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeApproved'")).hasSize(1);
    }
}
