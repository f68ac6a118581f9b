package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.change.ConflictsAtRequest;
import dev.changebot.application.delivery.DeliverNotices;
import dev.changebot.application.evidence.EvidenceRecords;
import dev.changebot.domain.evidence.Period;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.SlackPayloads;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a request planned over many changes costs: its conflicts are recorded pair by pair for the nearest
 * {@link ConflictsAtRequest#RECORDED_PER_REQUEST} other changes only, the rest as one count the evidence
 * shows; and notices of conflicts wait behind the change messages of their channel.
 */
@Timeout(180)
class ConflictRecordingLimitTest extends OnConflictsPolicy {

    /** Wednesday 2 December 2026, 14:00 UTC. */
    static final Instant AT = Instant.parse("2026-12-02T14:00:00Z");

    @Test
    @DisplayName("a request over 22 changes records the nearest 20 pair by pair and the other 2 as one count, shown in conflicts.csv")
    void nearestRecordedRestCounted() {
        int others = ConflictsAtRequest.RECORDED_PER_REQUEST + 2;
        // Requested latest start first: CHG-k starts 23 - k minutes after AT (45 minutes each), so all overlap a
        // change planned at AT, CHG-22 nearest. Each in a channel of its own, so their posts are not paced as one.
        for (int n = others; n >= 1; n--) {
            submitIn("C0TEAM" + n, "U0OWNER" + n, form(AT.plus(Duration.ofMinutes(n)), "payments-api").title("Change " + n));
        }
        assertThat(db.rows("SELECT change_number, other_changes FROM change_conflict_unlisted")).as(
                "the last of them was over 21 others already: one not listed").singleElement().satisfies(row -> assertThat(row)
                .containsEntry("change_number", (long) others).containsEntry("other_changes", 1));
        // From here on, only what the next request records and tells.
        deliverEverything();
        slack.clear();
        db.rows("DELETE FROM change_conflict RETURNING 1");
        db.rows("DELETE FROM change_conflict_unlisted RETURNING 1");

        submit("U0NEW", form(AT, "payments-api").title("Over them all"));

        long created = others + 1;
        // The nearest are CHG-22 (AT + 1 minute) down to CHG-3 (AT + 20 minutes).
        assertThat(db.rows("SELECT DISTINCT change_low FROM change_conflict WHERE change_high = " + created
                + " ORDER BY change_low")).extracting(r -> ((Number) r.get("change_low")).longValue())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(3, others).boxed().toList());
        assertThat(db.rows("SELECT change_number, other_changes, kinds, span_start, span_end, rule"
                + " FROM change_conflict_unlisted")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("change_number", created).containsEntry("other_changes", 2)
                .containsEntry("kinds", "SAME_SERVICE").containsEntry("rule", "warn"));

        var period = new Period("December 2026", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), ZoneOffset.UTC);
        var evidence = app.bean(EvidenceRecords.class).read(FakeSlackApi.TEAM_ID, period).conflicts();
        assertThat(evidence).hasSize(ConflictsAtRequest.RECORDED_PER_REQUEST + 1);
        assertThat(evidence.get(evidence.size() - 1)).satisfies(row -> {
            assertThat(row.change()).isEqualTo("CHG-" + created);
            assertThat(row.otherChange()).isEqualTo("2 more changes (not listed)");
            assertThat(row.kind()).isEqualTo("same service");
            assertThat(row.overlapStart()).isEqualTo(AT.plus(Duration.ofMinutes(21)));
            assertThat(row.overlapEnd()).isEqualTo(AT.plus(Duration.ofMinutes(45)));
        });

        deliverEverything();
        assertThat(threadPosts(ts(created))).singleElement().asString()
                .contains("• *CHG-22*", "• *CHG-21*", "• *CHG-20*", "…and 19 more: see `/change conflicts CHG-23`.");
    }

    /** Until no message or notice is left to deliver (a bounded number of rounds, each two seconds later). */
    private void deliverEverything() {
        for (int round = 0; round < 300; round++) {
            deliverAll(1);
            if (db.rows("SELECT 1 FROM slack_notice WHERE delivered_at IS NULL AND failed_at IS NULL"
                    + " UNION ALL SELECT 1 FROM slack_outbox WHERE delivered_at IS NULL AND failed_at IS NULL").isEmpty()) {
                return;
            }
        }
        throw new AssertionError("Still undelivered after 300 rounds");
    }

    @Test
    @DisplayName("a conflict notice waits while change messages of its channel are queued: the new change's message goes first, its thread after")
    void noticesWaitForChangeMessages() {
        submit("U0ANN", form(AT, "payments-api").title("Rotate card keys"));
        deliverAll();
        slack.clear();
        // Acked, its message and notices left queued (as when the app is busy): no drain after the request.
        app.slackUndelivered(SlackPayloads.viewSubmission("U0BOB", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), form(AT.plusSeconds(30 * 60), "payments-api")
                        .title("Migrate ledger").state()), SlackPayloads.FORM, java.time.Clock.systemUTC().instant());

        // The notices are claimed before the outbox posts CHG-2's message: they wait for it.
        clock.advance(Duration.ofSeconds(2));
        app.bean(DeliverNotices.class).drain(() -> true);
        assertThat(slack.calls("chat.postMessage")).as("nothing posted while CHG-2's message is queued").isEmpty();
        assertThat(db.rows("SELECT last_error FROM slack_notice WHERE delivered_at IS NULL ORDER BY id"))
                .extracting(r -> r.get("last_error")).containsExactly(
                        "waiting for the change messages of " + CHANNEL, "waiting for the change's message");

        deliverAll();
        var posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSize(3);
        assertThat(posts.get(0).param("thread_ts")).as("CHG-2's message first").isNull();
        assertThat(posts.get(0).param("text")).startsWith("CHG-2:");
        assertThat(threadPosts(ts(2))).singleElement().asString().contains("• *CHG-1*");
        assertThat(threadPosts(ts(1))).singleElement().asString().contains("*CHG-2* (<@U0BOB>) is now planned over");
    }
}
