package dev.changebot.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.PrometheusText;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GET /metrics, scraped as Prometheus scrapes it and read with a strict parser of the text format. */
@Timeout(120)
class MetricsEndpointTest {

    static final String ACK = "changebot_slack_ack_duration_seconds";
    static final String CALLS = "changebot_slack_api_calls_total";
    static final String CHANNEL = "C0DEPLOYS";
    static final Pattern CHANGE_ID = Pattern.compile("CHG-\\d+");
    static final Pattern USER_ID = Pattern.compile("U[0-9A-Z]{6,}");

    /** The app's clock: Slack's Retry-After is waited out by it, so nothing is retried behind the test's back. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app = RunningApp.start(db, slack, Map.of(), clock);

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the ack histogram moves by exactly the requests sent, by kind, and no label names a change or a person")
    void ackHistogramMovesWithTraffic() {
        var before = scrape();

        app.slack(SlackPayloads.slashCommand("U0REQUEST", CHANNEL, "help"), SlackPayloads.FORM);
        app.slack(SlackPayloads.slashCommand("U0REQUEST", CHANNEL, "list"), SlackPayloads.FORM);
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(clock.instant().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
        app.slack(SlackPayloads.appHomeOpened("U0REVIEW"), SlackPayloads.JSON);
        app.slack(SlackPayloads.urlVerification("challenge-1"), SlackPayloads.JSON);
        app.post("/slack/events", SlackPayloads.slashCommand("U0REQUEST", CHANNEL, "help"),
                Map.of("Content-Type", SlackPayloads.FORM, "X-Slack-Request-Timestamp", "1", "X-Slack-Signature", "v0=forged"));

        var after = scrape();
        var sent = Map.of("slash_command", 2.0, "view_submission", 1.0, "event_app_home_opened", 1.0, "url_verification", 1.0,
                "refused", 1.0, "block_actions", 0.0, "event_reaction_added", 0.0);
        sent.forEach((kind, count) -> {
            var labels = Map.of("kind", kind);
            assertThat(after.value(ACK + "_count", labels) - before.value(ACK + "_count", labels)).as(kind).isEqualTo(count);
            assertThat(after.value(ACK + "_bucket", Map.of("kind", kind, "le", "+Inf"))
                    - before.value(ACK + "_bucket", Map.of("kind", kind, "le", "+Inf"))).as(kind).isEqualTo(count);
        });
        assertThat(after.value(ACK + "_sum", Map.of("kind", "view_submission")))
                .isGreaterThan(before.value(ACK + "_sum", Map.of("kind", "view_submission")));
        assertThat(after.family(ACK).orElseThrow().type()).isEqualTo("histogram");

        assertThat(db.rows("SELECT count(*) AS n FROM change_request").get(0)).as("CHG-1 exists, so an id could leak")
                .containsEntry("n", 1L);
        after.families().values().forEach(family -> family.samples().forEach(sample -> sample.labels().forEach((label, value) -> {
            assertThat(CHANGE_ID.matcher(value).find()).as(sample + ": a change id in " + label).isFalse();
            assertThat(USER_ID.matcher(value).matches()).as(sample + ": a user id in " + label).isFalse();
        })));
    }

    @Test
    @DisplayName("Slack Web API calls are counted by method and outcome, a 429 as ratelimited")
    void slackApiCallsByMethodAndOutcome() {
        slack.answerNext("chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "3"));
        var before = scrape();

        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(clock.instant().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
        slack.answerNext("views.publish", 200, "{\"ok\":false,\"error\":\"not_allowed_token_type\"}", Map.of());
        app.slack(SlackPayloads.appHomeOpened("U0REVIEW"), SlackPayloads.JSON);

        var after = scrape();
        assertThat(delta(before, after, Map.of("method", "chat.postMessage", "outcome", "ratelimited", "error", "ratelimited")))
                .isEqualTo(1);
        assertThat(delta(before, after, Map.of("method", "chat.postMessage", "outcome", "ok", "error", "none"))).isZero();
        assertThat(delta(before, after, Map.of("method", "views.publish", "outcome", "error", "error", "not_allowed_token_type")))
                .isEqualTo(1);
        assertThat(slack.calls("chat.postMessage")).as("the 429 was Slack's answer to the only post so far").hasSize(1);

        clock.advance(Duration.ofSeconds(3));
        app.deliverOutbox();
        assertThat(delta(after, scrape(), Map.of("method", "chat.postMessage", "outcome", "ok", "error", "none")))
                .as("the retry after Retry-After").isEqualTo(1);
        // Counted here and only here: the SDK's own statistics (and their maintenance threads) are off.
        var sdk = app.bean(com.slack.api.Slack.class).getConfig();
        assertThat(sdk.isStatsEnabled()).isFalse();
        assertThat(sdk.getMethodsConfig().isStatsEnabled()).isFalse();
    }

    @Test
    @DisplayName("with CHANGEBOT_METRICS_TOKEN set, only a scrape bearing that token is answered")
    void tokenWhenSet() {
        app.close();
        app = RunningApp.start(db, slack, Map.of("changebot.metrics.token", "s3cret-scrape"), clock);

        assertThat(app.get("/metrics").statusCode()).isEqualTo(401);
        assertThat(app.getWith("/metrics", Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
        var answered = app.getWith("/metrics", Map.of("Authorization", "Bearer s3cret-scrape"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(PrometheusText.parse(answered.body()).family(ACK)).isPresent();
    }

    @Test
    @DisplayName("with metrics turned off (MICRONAUT_METRICS_ENABLED=false) the bot still starts and answers Slack; /metrics is not served")
    void metricsOff() {
        app.close();
        app = RunningApp.start(db, slack, Map.of("micronaut.metrics.enabled", false), clock);

        assertThat(app.slack(SlackPayloads.slashCommand("U0REQUEST", CHANNEL, "help"), SlackPayloads.FORM).statusCode())
                .isEqualTo(200);
        assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
    }

    private static double delta(PrometheusText before, PrometheusText after, Map<String, String> labels) {
        return after.valueOrZero(CALLS, labels) - before.valueOrZero(CALLS, labels);
    }

    private PrometheusText scrape() {
        return PrometheusText.scrape(app);
    }
}
