package dev.changebot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.port.NoticeOutbox;
import dev.changebot.application.port.Notices;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.notice.NoticeFacts;
import dev.changebot.domain.notice.Recipient;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Notices are stored as facts and come back as the same typed notices; rows from before still go out. */
@Timeout(60)
class StoredNoticesTest {

    static final Instant NOW = Instant.parse("2026-03-09T09:00:00Z");
    static final ChangeId CHG_7 = new ChangeId(7);

    final MutableClock clock = new MutableClock(NOW);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack, Map.of(), clock);
    final Transactions transactions = app.bean(Transactions.class);

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("every kind of notice, to every kind of recipient, comes back from its row as it was sent")
    void roundTrip() {
        var sent = List.of(
                notice(new Recipient.ChangeThread("C0DEPLOYS"), new NoticeFacts.SoakCompleted("production 5%",
                        Optional.of(new DeploymentPlan.NextDeployment("production", OptionalInt.of(25))))),
                notice(new Recipient.ChangeThread("C0DEPLOYS"), new NoticeFacts.SoakCompleted("staging",
                        Optional.of(new DeploymentPlan.NextDeployment("production", OptionalInt.empty())))),
                notice(new Recipient.ChangeThread("C0DEPLOYS"), new NoticeFacts.SoakCompleted("production", Optional.empty())),
                notice(new Recipient.ChangeThread("C0DEPLOYS"), new NoticeFacts.SoakCompleted("staging",
                        Optional.of(new DeploymentPlan.NextDeployment("production", OptionalInt.empty())),
                        List.of("Manual QA approval"))),
                notice(new Recipient.Person("U0BACKEND"), new NoticeFacts.ApprovalReminder("Upgrade <!here> & co",
                        "step 1 (Backend Lead review)")),
                notice(new Recipient.Channel("deployments"), new NoticeFacts.ApprovalEscalation("Upgrade",
                        "step 2 (DBA review)", "U0REQUEST")),
                notice(new Recipient.Channel("C0INCIDENTS"), new NoticeFacts.FollowUpReminder("Roll back", "retrospective",
                        "Retrospective", NOW.plus(Duration.ofHours(8)))),
                notice(new Recipient.Person("U0IC"), new NoticeFacts.FollowUpOverdue("Roll back", "follow-up-pr",
                        "Follow-up PR", NOW.plus(Duration.ofDays(6)))),
                notice(new Recipient.Person("U0REQUEST"), new NoticeFacts.ChangeNotPosted("C0DEPLOYS", "not_in_channel")));

        transactions.inTransaction(() -> {
            sent.forEach(app.bean(Notices.class)::send);
            return null;
        });
        var claimed = transactions.inTransaction(() -> app.bean(NoticeOutbox.class).claimDue(NOW, Duration.ofSeconds(30), 20));

        assertThat(claimed).allSatisfy(queued -> assertThat(queued).isInstanceOf(NoticeOutbox.QueuedNotice.class))
                .extracting(queued -> ((NoticeOutbox.QueuedNotice) queued).notice()).containsExactlyElementsOf(sent);
    }

    @Test
    @DisplayName("the row holds facts, not Slack text")
    void factsNotMarkup() {
        transactions.inTransaction(() -> {
            app.bean(Notices.class).send(notice(new Recipient.Person("U0BACKEND"),
                    new NoticeFacts.ApprovalReminder("Upgrade <!here>", "step 1 (Backend Lead review)")));
            return null;
        });

        assertThat(db.rows("SELECT kind, recipient, recipient_kind, in_thread, text, facts->>'title' AS title"
                + " FROM slack_notice").get(0))
                .containsEntry("kind", "APPROVAL_REMINDER").containsEntry("recipient", "U0BACKEND")
                .containsEntry("recipient_kind", "PERSON").containsEntry("in_thread", false)
                .containsEntry("text", null).containsEntry("title", "Upgrade <!here>");
    }

    @Test
    @DisplayName("a notice is written for Slack as it is delivered: its text, and the same text as one section")
    void writtenAtDelivery() {
        transactions.inTransaction(() -> {
            app.bean(Notices.class).send(notice(new Recipient.Person("U0BACKEND"),
                    new NoticeFacts.ApprovalReminder("Upgrade <!here>", "step 1 (Backend Lead review)")));
            return null;
        });

        assertThat(app.deliverOutbox()).isEqualTo(1);

        var text = ":hourglass_flowing_sand: *CHG-7* Upgrade &lt;!here&gt; (step 1 (Backend Lead review)) is waiting for"
                + " your approval. Approve it on its message, or with `/change approve CHG-7`.";
        assertThat(slack.calls("chat.postMessage")).singleElement().satisfies(call -> {
            assertThat(call.param("channel")).isEqualTo("U0BACKEND");
            assertThat(call.param("text")).isEqualTo(text);
            assertThat(call.blocks()).singleElement().satisfies(block -> {
                assertThat(block.getAsJsonObject().get("type").getAsString()).isEqualTo("section");
                assertThat(block.getAsJsonObject().getAsJsonObject("text").get("text").getAsString()).isEqualTo(text);
            });
        });
    }

    @Test
    @DisplayName("a notice queued before notices were facts is delivered once, as its stored text")
    void rowFromBeforeTheUpgrade() {
        var text = ":hourglass_flowing_sand: *CHG-7* Upgrade is waiting for your approval.";
        db.rows("INSERT INTO slack_notice (workspace_id, change_number, recipient, text, in_thread, created_at,"
                + " next_attempt_at) VALUES (?, 7, 'U0BACKEND', ?, false, ?, ?) RETURNING id", FakeSlackApi.TEAM_ID, text,
                Timestamp.from(NOW), Timestamp.from(NOW));
        db.rows("INSERT INTO slack_notice (workspace_id, change_number, recipient, text, in_thread, created_at,"
                + " next_attempt_at) VALUES (?, 7, 'C0GONE', 'soak complete', true, ?, ?) RETURNING id",
                FakeSlackApi.TEAM_ID, Timestamp.from(NOW), Timestamp.from(NOW));

        assertThat(app.deliverOutbox()).isEqualTo(2);

        var posts = slack.calls("chat.postMessage");
        assertThat(posts).extracting(call -> call.param("channel")).containsExactly("U0BACKEND", "C0GONE");
        assertThat(posts).extracting(call -> call.param("text")).containsExactly(text, "soak complete");
        assertThat(posts).allSatisfy(call -> assertThat(call.param("blocks")).isNull())
                .allSatisfy(call -> assertThat(call.param("thread_ts")).as("the change has no message").isNull());
        assertThat(db.rows("SELECT count(*) AS n FROM slack_notice WHERE delivered_at IS NOT NULL").get(0))
                .containsEntry("n", 2L);
        assertThat(app.deliverOutbox()).as("once").isZero();
    }

    private static Notice notice(Recipient recipient, NoticeFacts facts) {
        return new Notice(FakeSlackApi.TEAM_ID, CHG_7, recipient, facts);
    }
}
