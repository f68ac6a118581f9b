package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Only requests Slack signed, within five minutes either side of now, get through; the rest change nothing. */
class SignatureVerificationTest {

    static FakeSlackApi slack;
    static TestDatabase db;
    static RunningApp app;

    final String submission = SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
            ChangeRef.inChannel("C0DEPLOYS").encode(),
            ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).state());

    @BeforeAll
    static void start() {
        slack = FakeSlackApi.start();
        db = TestPostgres.freshDatabase();
        app = RunningApp.start(db, slack);
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void forgetCalls() {
        slack.clear();
    }

    @Test
    void unsignedIsRefused() {
        var response = app.post("/slack/events", submission, Map.of("Content-Type", SlackPayloads.FORM));

        assertRefusedAndNothingStored(response.statusCode());
    }

    @Test
    void signedWithAnotherSecretIsRefused() {
        var timestamp = Long.toString(Instant.now().getEpochSecond());
        var forged = new SlackSignature.Generator("not-our-secret").generate(timestamp, submission);

        var response = app.post("/slack/events", submission, Map.of("Content-Type", SlackPayloads.FORM,
                "X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", forged));

        assertRefusedAndNothingStored(response.statusCode());
    }

    @Test
    void bodyChangedAfterSigningIsRefused() {
        var timestamp = Long.toString(Instant.now().getEpochSecond());
        var signature = new SlackSignature.Generator(RunningApp.SIGNING_SECRET).generate(timestamp, submission);

        var response = app.post("/slack/events", submission.replace("U0REQUEST", "U0ATTACKR"), Map.of(
                "Content-Type", SlackPayloads.FORM, "X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", signature));

        assertRefusedAndNothingStored(response.statusCode());
    }

    @Test
    @DisplayName("a request signed more than 5 minutes ago is a replay and is refused")
    void olderThanFiveMinutesIsRefused() {
        var response = app.slackSignedAt(submission, SlackPayloads.FORM, Instant.now().minusSeconds(301));

        assertRefusedAndNothingStored(response.statusCode());
    }

    @Test
    @DisplayName("a request dated more than 5 minutes in the future is refused too (Bolt alone lets it through)")
    void datedInTheFutureIsRefused() {
        var response = app.slackSignedAt(submission, SlackPayloads.FORM, Instant.now().plusSeconds(301));

        assertRefusedAndNothingStored(response.statusCode());
    }

    @Test
    @DisplayName("a slash command with a bad signature opens no modal")
    void badlySignedCommandOpensNothing() {
        var command = SlackPayloads.slashCommand("U0REQUEST", "C0DEPLOYS", "new Deploy");

        var response = app.slackSignedAt(command, SlackPayloads.FORM, Instant.now().minusSeconds(600));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(slack.calls()).isEmpty();
    }

    @Test
    @DisplayName("a properly signed request a few minutes old still gets through")
    void signedWithinTheWindowIsAccepted() {
        var response = app.slackSignedAt(SlackPayloads.urlVerification("challenge-42"), SlackPayloads.JSON,
                Instant.now().minusSeconds(200));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("challenge-42");
    }

    @Test
    @DisplayName("two signatures, the valid one first or second, are refused rather than judged on one of them")
    void twoSignaturesAreRefused() throws Exception {
        var timestamp = Long.toString(Instant.now().getEpochSecond());
        var valid = new SlackSignature.Generator(RunningApp.SIGNING_SECRET).generate(timestamp, submission);
        var forged = new SlackSignature.Generator("not-our-secret").generate(timestamp, submission);

        assertRefusedAndNothingStored(postWith(List.of(timestamp), List.of(valid, forged)));
        assertRefusedAndNothingStored(postWith(List.of(timestamp), List.of(forged, valid)));
        assertRefusedAndNothingStored(postWith(List.of(timestamp), List.of(valid, valid)));
    }

    @Test
    @DisplayName("two timestamps are refused, even when the signature matches the first")
    void twoTimestampsAreRefused() throws Exception {
        var now = Instant.now().getEpochSecond();
        var timestamp = Long.toString(now);
        var valid = new SlackSignature.Generator(RunningApp.SIGNING_SECRET).generate(timestamp, submission);

        assertRefusedAndNothingStored(postWith(List.of(timestamp, Long.toString(now - 1000)), List.of(valid)));
        assertRefusedAndNothingStored(postWith(List.of(Long.toString(now - 1000), timestamp), List.of(valid)));
    }

    /** The submission with each header repeated as given: RunningApp's helpers send each header once. */
    private int postWith(List<String> timestamps, List<String> signatures) throws Exception {
        var request = HttpRequest.newBuilder(app.uri("/slack/events")).header("Content-Type", SlackPayloads.FORM)
                .POST(HttpRequest.BodyPublishers.ofString(submission));
        timestamps.forEach(t -> request.header("X-Slack-Request-Timestamp", t));
        signatures.forEach(v -> request.header("X-Slack-Signature", v));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void assertRefusedAndNothingStored(int status) {
        assertThat(status).isEqualTo(401);
        assertThat(db.count("change_request")).isZero();
        assertThat(db.count("change_event")).isZero();
        assertThat(slack.calls()).isEmpty();
    }
}
