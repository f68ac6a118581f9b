package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.change.ActionOutcome;
import dev.changebot.application.change.ChangeService;
import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The outbox pump, running as in production but with an idle look ten minutes apart: what it delivers
 * within seconds, it delivers because a commit woke it or because it knew when something sent back was due.
 */
@Timeout(60)
class OutboxPumpTest {

    static final Duration WITHIN = Duration.ofSeconds(10);

    FakeSlackApi slack;
    TestDatabase db;
    RunningApp app;
    OutboxPump pump;

    @BeforeEach
    void aPostedChangeAndAnIdlePump() {
        slack = FakeSlackApi.start();
        db = TestPostgres.freshDatabase();
        app = RunningApp.start(db, slack, Map.of("changebot.outbox.interval", 250,
                "changebot.outbox.idle-interval", 600_000,
                "changebot.policy", "src/test/resources/policies/test-two-reviewers.yaml"));
        pump = app.bean(OutboxPump.class);
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel("C0DEPLOYS").encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).state()), SlackPayloads.FORM);
        await("the change's message posted", () -> !db.rows("SELECT 1 FROM change_request WHERE message_ts IS NOT NULL")
                .isEmpty());
        await("the pump idle: its last drain found nothing due", pump::idle);
        slack.clear();
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("an idle pump delivers a committed refresh at once, not at its next idle look")
    void commitWakesIt() {
        assertThat(approve("U0ALICE")).isInstanceOf(ActionOutcome.Done.class);

        await("the message updated", () -> !slack.calls("chat.update").isEmpty());
    }

    @Test
    @DisplayName("an update Slack turned away (429, Retry-After: 1) is sent again when that second is over")
    void sentBackIsLookedAtWhenDue() {
        slack.answerNext("chat.update", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "1"));

        assertThat(approve("U0ALICE")).isInstanceOf(ActionOutcome.Done.class);

        await("the update tried, turned away and sent again", () -> slack.calls("chat.update").size() >= 2);
        assertThat(db.rows("SELECT 1 FROM slack_outbox WHERE delivered_at IS NULL")).isEmpty();
    }

    private ActionOutcome approve(String approver) {
        return app.bean(ChangeService.class).run(FakeSlackApi.TEAM_ID, new ChangeId(1), approver,
                new ChangeCommand.Approve(ApprovalVia.COMMAND));
    }

    private static void await(String what, BooleanSupplier condition) {
        var deadline = Instant.now().plus(WITHIN);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " within " + WITHIN).isBefore(deadline);
            // A poll of the condition, not a wait for time to pass: what is awaited happens on its own.
            LockSupport.parkNanos(5_000_000);
        }
    }
}
