package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Slack posts and updates go through the outbox: nothing lost, nothing doubled, Slack's limits respected. */
class SlackOutboxTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app = RunningApp.start(db, slack, Map.of(), clock);

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("Slack answering 429 (Retry-After), then 500, then 200: the message is delivered once")
    void retriesUntilDelivered() {
        slack.answerNext("chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "3"));
        slack.answerNext("chat.postMessage", 500, "{\"ok\":false,\"error\":\"internal_error\"}", Map.of());
        request("Upgrade payments-api");

        assertThat(app.deliverOutbox()).as("429: waits for Retry-After").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(app.deliverOutbox()).as("not before Retry-After").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(app.deliverOutbox()).as("500: retried later").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(app.deliverOutbox()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        assertThat(app.deliverOutbox()).as("nothing left to send").isZero();

        assertThat(slack.calls("chat.postMessage")).hasSize(3);
        assertThat(slack.calls("chat.update")).isEmpty();
        assertThat(db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts")).isNotNull();
        assertThat(db.rows("SELECT attempts, delivered_at IS NOT NULL AS done FROM slack_outbox").get(0))
                .containsEntry("done", true);
    }

    @Test
    @DisplayName("a crash right after the ack loses nothing: the message is sent after the restart")
    void survivesACrashAfterTheAck() {
        app.slackUndelivered(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), ChangeForms.complete(NOW.plus(Duration.ofDays(1))).state()),
                SlackPayloads.FORM, Instant.now());
        app.close();
        assertThat(slack.calls("chat.postMessage")).isEmpty();

        app = RunningApp.start(db, slack, Map.of(), clock);
        assertThat(app.deliverOutbox()).isEqualTo(1);

        assertThat(slack.calls("chat.postMessage")).singleElement()
                .satisfies(call -> assertThat(call.param("text")).startsWith("CHG-1:"));
    }

    @Test
    @DisplayName("several state changes before delivery become one message showing the newest state")
    void coalescesToTheNewestState() {
        app.slackUndelivered(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), ChangeForms.complete(NOW.plus(Duration.ofDays(1))).state()),
                SlackPayloads.FORM, Instant.now());
        app.slackUndelivered(SlashCommands.of("U0REVIEW", CHANNEL, "approve CHG-1"), SlackPayloads.FORM, Instant.now());

        assertThat(app.deliverOutbox()).isEqualTo(1);

        assertThat(slack.calls("chat.postMessage")).singleElement()
                .satisfies(call -> assertThat(call.param("text")).endsWith("(approved)"));
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    @DisplayName("posts to one channel are paced about one a second")
    void pacesPostsPerChannel() {
        // The second is planned a day after the first: at the same time they would conflict, told in the threads.
        request("First change");
        slack.clear();
        app.slackUndelivered(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), ChangeForms.complete(NOW.plus(Duration.ofDays(2))).title("Second")
                        .state()), SlackPayloads.FORM, Instant.now());

        assertThat(app.deliverOutbox()).as("within the same second").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(app.deliverOutbox()).isEqualTo(1);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    @DisplayName("posts waiting for one channel are spread a second apart, each claimed again only at its own slot")
    void spreadsWaitingPostsOverTheChannelsSlots() {
        for (int day = 1; day <= 4; day++) {
            // Days apart, so they do not conflict (conflicts would add thread notices to the channel).
            app.slackUndelivered(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel(CHANNEL).encode(), ChangeForms.complete(NOW.plus(Duration.ofDays(day)))
                            .title("Change " + day).state()), SlackPayloads.FORM, Instant.now());
        }

        assertThat(app.deliverOutbox()).isEqualTo(1);
        assertThat(db.rows("SELECT next_attempt_at FROM slack_outbox WHERE delivered_at IS NULL ORDER BY next_attempt_at"))
                .extracting(r -> ((java.sql.Timestamp) r.get("next_attempt_at")).toInstant())
                .containsExactly(clock.instant().plusSeconds(1), clock.instant().plusSeconds(2), clock.instant().plusSeconds(3));
        for (int second = 1; second <= 3; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(app.deliverOutbox()).as("second %d", second).isEqualTo(1);
        }
        assertThat(slack.calls("chat.postMessage")).hasSize(4);
    }

    @Test
    @DisplayName("the pace holds across the cluster: another node does not post to the channel within the second")
    void pacesAcrossNodes() {
        try (var other = RunningApp.start(db, slack, Map.of(), clock)) {
            request("First change");
            slack.clear();
            other.slackUndelivered(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel(CHANNEL).encode(), ChangeForms.complete(NOW.plus(Duration.ofDays(2))).title("Second")
                            .state()), SlackPayloads.FORM, Instant.now());

            assertThat(other.deliverOutbox()).as("the first node posted to the channel this second").isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(other.deliverOutbox()).isEqualTo(1);
            assertThat(slack.calls("chat.postMessage")).hasSize(1);
        }
    }

    @Test
    @DisplayName("a channel that refuses the bot: the requester is told by DM, through the outbox, once")
    void tellsTheRequesterWhenThePostFailsForGood() {
        slack.answerNext("chat.postMessage", 200, "{\"ok\":false,\"error\":\"not_in_channel\"}", Map.of());
        request("Upgrade payments-api");

        assertThat(db.rows("SELECT failed_at IS NOT NULL AS failed, last_error FROM slack_outbox").get(0))
                .containsEntry("failed", true).containsEntry("last_error", "not_in_channel");
        assertThat(slack.calls("chat.postMessage")).hasSize(2).last().satisfies(call -> {
            assertThat(call.param("channel")).isEqualTo("U0REQUEST");
            assertThat(call.param("text")).contains("CHG-1 is recorded", "not_in_channel", "/invite @Changebot");
        });
        clock.advance(Duration.ofMinutes(10));
        assertThat(app.deliverOutbox()).isZero();
    }

    @Test
    @DisplayName("settled posts are forgotten after 30 days; pending ones never")
    void prunesSettledPosts() {
        request("Delivered long ago");
        app.slackUndelivered(SlashCommands.of("U0REVIEW", CHANNEL, "approve CHG-1"), SlackPayloads.FORM, Instant.now());
        assertThat(db.count("slack_outbox")).isEqualTo(2);

        clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertThat(app.bean(dev.changebot.application.delivery.PruneOutbox.class).run()).isEqualTo(1);
        assertThat(db.rows("SELECT delivered_at FROM slack_outbox")).singleElement()
                .satisfies(row -> assertThat(row.get("delivered_at")).as("the pending update stays").isNull());
    }

    private void request(String title) {
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(NOW.plus(Duration.ofDays(1))).title(title).state()), SlackPayloads.FORM);
    }
}
