package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.policy.StageApprovalFixtures.BACKEND_LEAD;
import static dev.changebot.domain.policy.StageApprovalFixtures.SRE_LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.approval.StageApprovals;
import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StageApprovalFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** chat-backend, High-Risk Deployment step 9: "Rollback requires dual approval (Backend Lead + SRE Lead)". */
@DisplayName("Rollback requires dual approval (Backend Lead + SRE Lead)")
class RollbackDualApprovalTest {

    static final Policy POLICY = StageApprovalFixtures.chatBackendLike();
    static final String BACKEND = "U_BEA";
    static final String OTHER_BACKEND = "U_BEN";
    static final String SRE = "U_SAM";
    static final Instant LATER = NOW.plusSeconds(600);

    final ChangeRules rules = new ChangeRules();

    static Change started() {
        return Acting.approvedAndStarted(changeIn("high", ChangeState.PENDING_APPROVAL), POLICY, NOW);
    }

    Verdict decide(Change change, ChangeCommand command, String userId, Set<String> roles) {
        return rules.decide(change, command, Actor.person(userId, roles), Situation.at(POLICY, LATER));
    }

    static ChangeCommand.Approve approveRollback() {
        return new ChangeCommand.Approve(ApprovalVia.COMMAND, true);
    }

    @Test
    @DisplayName("one Backend Lead and one SRE Lead, each by their own Approve rollback; then the rollback is recorded as it is")
    void dualApproval() {
        var change = started();

        var backend = Acting.act(change, approveRollback(), BACKEND, Set.of(BACKEND_LEAD), POLICY, LATER);
        assertThat(backend.events()).containsExactly(new ChangeEvent.StageApproved(change.id(), BACKEND, LATER, "rollback",
                "Rollback dual approval", ApprovalVia.COMMAND, List.of(BACKEND_LEAD), false));
        assertThat(decide(change, approveRollback(), OTHER_BACKEND, Set.of(BACKEND_LEAD))).isEqualTo(new Verdict.Refused(
                "Rollback dual approval before rollback already has your role; it waits for SRE Lead (@sre-leads)."));
        assertThat(decide(change, approveRollback(), BACKEND, Set.of(BACKEND_LEAD)))
                .isEqualTo(new Verdict.Refused("You have already approved Rollback dual approval before rollback."));
        var sre = Acting.act(change, approveRollback(), SRE, Set.of(SRE_LEAD), POLICY, LATER);
        assertThat(((ChangeEvent.StageApproved) sre.events().get(0)).completes()).isTrue();

        var rolledBack = Acting.act(change, new ChangeCommand.Finish(ChangeState.ROLLED_BACK), REQUESTER, Set.of(), POLICY,
                LATER);
        assertThat(rolledBack.events()).containsExactly(new ChangeEvent.ChangeFinished(change.id(), REQUESTER, LATER,
                ChangeState.ROLLED_BACK));
    }

    @Test
    @DisplayName("a plain Approve, a button or 👍 meant for a deployment, never consents to a rollback")
    void plainApproveIsNotARollbackApproval() {
        var change = started();

        assertThat(decide(change, new ChangeCommand.Approve(ApprovalVia.BUTTON), BACKEND, Set.of(BACKEND_LEAD)))
                .isInstanceOf(Verdict.Refused.class);
        assertThat(change.stageSignoffs()).isEmpty();
    }

    @Test
    @DisplayName("asked for a rollback approval, a change still waiting for its review is not approved")
    void rollbackApprovalIsNotAReview() {
        var change = changeIn("high", ChangeState.PENDING_APPROVAL);

        assertThat(decide(change, approveRollback(), BACKEND, Set.of(BACKEND_LEAD, "reviewers"))).isEqualTo(
                new Verdict.Refused("CHG-1 is pending approval; a rollback is approved only while its work is under way."));
        assertThat(change.approvals()).isEmpty();
    }

    @Test
    @DisplayName("one person holding both roles is one of the two approvals, not both")
    void onePersonCountsOnce() {
        var change = started();

        var given = Acting.act(change, approveRollback(), BACKEND, Set.of(BACKEND_LEAD, SRE_LEAD), POLICY, LATER);
        assertThat(((ChangeEvent.StageApproved) given.events().get(0)).completes()).isFalse();
        assertThat(decide(change, approveRollback(), BACKEND, Set.of(BACKEND_LEAD, SRE_LEAD)))
                .isInstanceOf(Verdict.Refused.class);
        assertThat(StageApprovals.missingBeforeRollback(POLICY, change)).singleElement()
                .satisfies(s -> assertThat(s.rolesMissing()).containsExactly(SRE_LEAD));
    }

    @Test
    @DisplayName("a rollback reported without the dual approval is still recorded (it happened), with a note of whose approval is missing")
    void rollbackWithoutApprovalIsRecordedWithANote() {
        var change = started();
        Acting.act(change, approveRollback(), BACKEND, Set.of(BACKEND_LEAD), POLICY, LATER);

        var rolledBack = Acting.act(change, new ChangeCommand.Finish(ChangeState.ROLLED_BACK), REQUESTER, Set.of(), POLICY,
                LATER);

        assertThat(rolledBack.events()).containsExactly(
                new ChangeEvent.StageApprovalSkipped(change.id(), REQUESTER, LATER, "rollback", "Rollback dual approval",
                        List.of(SRE_LEAD)),
                new ChangeEvent.ChangeFinished(change.id(), REQUESTER, LATER, ChangeState.ROLLED_BACK));
        assertThat(change.state()).isEqualTo(ChangeState.ROLLED_BACK);
    }

    @Test
    @DisplayName("a change that fails or completes owes no rollback approval")
    void otherEndsOweNothing() {
        var change = started();

        var failed = Acting.act(change, new ChangeCommand.Finish(ChangeState.FAILED), REQUESTER, Set.of(), POLICY, LATER);

        assertThat(failed.events()).containsExactly(new ChangeEvent.ChangeFinished(change.id(), REQUESTER, LATER,
                ChangeState.FAILED));
    }
}
