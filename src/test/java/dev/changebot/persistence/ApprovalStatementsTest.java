package dev.changebot.persistence;

import dev.changebot.domain.change.ApprovalVia;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.change.ActionOutcome;
import dev.changebot.application.change.ChangeService;
import dev.changebot.application.change.ReactToChangeMessage;
import dev.changebot.application.port.ReactionLedger;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SentStatements;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an approval costs PostgreSQL, read from the driver's own protocol log (every statement it
 * sends), on the thread that approves: the change is read once, locked, and only what the approval
 * changed (its columns too) is written, with the message's refresh, in one statement. A reaction names a
 * message: its change is found and locked by it, in the same one statement.
 */
@Timeout(120)
class ApprovalStatementsTest {

    FakeSlackApi slack;
    TestDatabase db;
    RunningApp app;
    SentStatements sent;
    List<Map<String, Object>> pendingBefore;

    @BeforeEach
    void aChangeWithOneOfItsTwoApprovals() {
        slack = FakeSlackApi.start();
        db = TestPostgres.freshDatabase();
        app = RunningApp.start(db, slack,
                Map.of("changebot.policy", "src/test/resources/policies/test-two-reviewers.yaml"));
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel("C0DEPLOYS").encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).state()), SlackPayloads.FORM);
        assertThat(approve("U0ALICE")).isInstanceOf(ActionOutcome.Done.class);
        pendingBefore = db.rows("SELECT id, version FROM slack_outbox WHERE delivered_at IS NULL");
        sent = SentStatements.listen();
    }

    @AfterEach
    void stop() {
        sent.close();
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the second approval: one read of the change (the lock); the row, the one approval, the event and the message's refresh in one write")
    void secondApproval() {
        var outcome = approve("U0BOB");

        assertThat(outcome).isInstanceOf(ActionOutcome.Done.class);
        var statements = sent.onThisThread();
        System.out.printf("An approval sent %d statements: %s%n", statements.size(), statements);
        assertThat(statements).filteredOn(sql -> sql.startsWith("select") && sql.matches("(?s).* from \"?change_request\"?\\s.*"))
                .as("the change is read once, FOR UPDATE").hasSize(1)
                .allMatch(sql -> sql.contains("for update"));
        assertThat(statements).filteredOn(sql -> sql.contains("change_approval") && !sql.startsWith("select"))
                .as("only the new approval is written, with the row, the event and the message's outbox row").singleElement()
                .satisfies(write -> {
                    assertThat(write).as("only the columns the approval changed")
                            .startsWith("with changed as (update change_request set state = $1, updated_at = $2 where");
                    assertThat(write.split("insert into change_approval", -1)).as("approvals inserted").hasSize(2);
                    assertThat(write).contains("insert into change_event").contains("insert into slack_outbox");
                });
        assertThat(statements).as("the lock, and the change's write with its message's outbox row").hasSize(2);
        var pendingAfter = db.rows("SELECT id, version FROM slack_outbox WHERE delivered_at IS NULL");
        assertThat(pendingBefore).as("the message's refresh pending before").hasSize(1);
        assertThat(pendingAfter).as("the same pending refresh, queued again (its version bumped)").singleElement()
                .satisfies(row -> {
                    assertThat(row.get("id")).isEqualTo(pendingBefore.get(0).get("id"));
                    assertThat(((Number) row.get("version")).intValue())
                            .isEqualTo(((Number) pendingBefore.get(0).get("version")).intValue() + 1);
                });
        assertThat(db.rows("SELECT approver_id FROM change_approval ORDER BY id"))
                .extracting(row -> row.get("approver_id")).containsExactly("U0ALICE", "U0BOB");
    }

    @Test
    @DisplayName("an approving reaction: its change found by the message and locked in one statement, ledger, write")
    void reactionApproval() {
        var message = db.rows("SELECT message_channel_id, message_ts FROM change_request").get(0);
        var reaction = new ReactionLedger.Reaction(message.get("message_channel_id").toString(),
                message.get("message_ts").toString(), "white_check_mark", "U0BOB");

        var outcome = app.bean(ReactToChangeMessage.class).react(FakeSlackApi.TEAM_ID, reaction, true,
                "1700000100.000100");

        assertThat(outcome).hasValueSatisfying(done -> assertThat(done).isInstanceOf(ActionOutcome.Done.class));
        var statements = sent.onThisThread().stream()
                .filter(sql -> !sql.matches("(?s)(begin|commit|rollback)\\b.*"))
                .filter(sql -> !sql.startsWith("select message_channel_id, message_ts")).toList();
        System.out.printf("A reaction's approval sent %d statements: %s%n", statements.size(), statements);
        assertThat(statements).as("the lock by the message, the reaction's ledger, the change's write").hasSize(3);
        assertThat(statements.get(0)).as("the lock").contains("from change_request c").contains("c.message_ts =")
                .contains("for update");
        assertThat(statements.get(1)).as("the ledger").startsWith("insert into reaction_ledger");
        assertThat(statements.get(2)).as("the write, of the columns the approval changed")
                .startsWith("with changed as (update change_request set state = $1, updated_at = $2 where");
        assertThat(db.rows("SELECT approver_id FROM change_approval ORDER BY id"))
                .extracting(row -> row.get("approver_id")).containsExactly("U0ALICE", "U0BOB");
    }

    @Test
    @DisplayName("an approving reaction on another message: one read, nothing in the ledger")
    void reactionElsewhere() {
        var reaction = new ReactionLedger.Reaction("C0DEPLOYS", "1700000000.000999", "white_check_mark", "U0BOB");

        assertThat(app.bean(ReactToChangeMessage.class).react(FakeSlackApi.TEAM_ID, reaction, true,
                "1700000100.000100")).isEmpty();
        assertThat(sent.onThisThread().stream().filter(sql -> !sql.matches("(?s)(begin|commit|rollback)\\b.*")))
                .as("the lock by the message, which found nothing").singleElement()
                .satisfies(sql -> assertThat(sql).contains("c.message_ts =").contains("for update"));
        assertThat(db.count("reaction_ledger")).isZero();
    }

    private ActionOutcome approve(String approver) {
        return app.bean(ChangeService.class).run(FakeSlackApi.TEAM_ID, new ChangeId(1), approver,
                new ChangeCommand.Approve(ApprovalVia.COMMAND));
    }
}
