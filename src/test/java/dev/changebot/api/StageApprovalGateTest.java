package dev.changebot.api;

import static dev.changebot.api.GateFixture.id;
import static dev.changebot.api.GateFixture.json;
import static dev.changebot.api.GateFixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15 item 3 at the gate: "Manual QA approval … between staging and production" holds a
 * pipeline's check for production pending, with who must approve, and the approval in Slack settles it.
 */
@Timeout(120)
class StageApprovalGateTest {

    static final String QA = "U0QA";
    static final String CHECK = "{\"change\": \"CHG-1\", \"environment\": \"production\"}";

    final GateFixture gate = new GateFixture("src/test/resources/policies/test-gate-stage-approvals.yaml",
            GateFixture.TUESDAY_10);
    final String token = gate.token("ci");

    @AfterEach
    void close() {
        gate.close();
    }

    /** CHG-1 approved, started, deployed to staging and soaked there. */
    private void soakedInStaging() {
        gate.requestNormalChange();
        gate.clickApprove(GateFixture.REVIEWER, 1);
        gate.say(GateFixture.REQUESTER, "start CHG-1");
        gate.say(GateFixture.REQUESTER, "deployed CHG-1 staging");
        gate.clock.set(gate.clock.instant().plus(Duration.ofMinutes(30)));
        gate.fireDueTimers();
        assertThat(gate.db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "IN_PROGRESS");
    }

    @Test
    @DisplayName("production's check is pending until QA approves in Slack, saying who must; the long-poll then returns allowed")
    void pendingUntilQaApproves() throws Exception {
        soakedInStaging();

        var response = gate.postCheck(token, "k-qa", CHECK);
        assertThat(state(response)).isEqualTo("pending");
        var reason = json(response).getAsJsonArray("reasons").get(0).getAsJsonObject();
        assertThat(reason.get("code").getAsString()).isEqualTo("stage_approval_pending");
        assertThat(reason.get("text").getAsString()).isEqualTo("CHG-1 needs Manual QA approval by QA before production."
                + " Approve it in Slack: on CHG-1's message or with `/change approve CHG-1`.");
        var poll = gate.longPoll(id(response), token, 60);
        assertThat(poll).isNotDone();

        assertThat(gate.say(QA, "approve CHG-1")).isEqualTo("You approved CHG-1: Manual QA approval before production.");

        var answer = poll.get(20, TimeUnit.SECONDS);
        assertThat(state(answer)).isEqualTo("allowed");
    }

    @Test
    @DisplayName("staging's check is not held by an approval that stands before production")
    void stagingIsNotHeld() {
        gate.requestNormalChange();
        gate.clickApprove(GateFixture.REVIEWER, 1);
        gate.say(GateFixture.REQUESTER, "start CHG-1");

        var staging = gate.postCheck(token, "k-staging", "{\"change\": \"CHG-1\", \"environment\": \"staging\"}");

        assertThat(state(staging)).isEqualTo("allowed");
    }
}
