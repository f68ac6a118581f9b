package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.change.ChangeFixtures.pendingChange;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Approval;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.ChangeApprovalRevoked;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Withdrawing an approval (its reaction removed): only one's own, and only while its step is open. */
@DisplayName("Withdrawing an approval")
class RevokeRulesTest {

    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));
    /** "Peer review" needs two reviewers, then "Lead sign-off" a backend lead. */
    static final Policy TWO_STEPS = PolicyFixtures.twoSteps();

    final ChangeRules rules = new ChangeRules();
    final Change change = pendingChange();

    /** Withdrawing depends on nobody's roles: the service does not look them up. */
    Verdict revoke(Change change, String userId, Policy policy) {
        return rules.decide(change, new ChangeCommand.Revoke(), Actor.person(userId, Set.of()), Situation.at(policy, LATER));
    }

    @Test
    @DisplayName("of one's own approval on the open step is accepted, and takes that approval away")
    void ownApprovalOnTheOpenStep() {
        Acting.act(change, new ChangeCommand.Approve(dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, REVIEWER_ROLES, TWO_STEPS, NOW);

        var verdict = revoke(change, REVIEWER, TWO_STEPS);

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeApprovalRevoked(FIRST, REVIEWER, LATER, 1)));
        verdict.events().forEach(change::apply);
        assertThat(change.approvals()).isEmpty();
        assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
    }

    @Test
    @DisplayName("by someone with no approval on the open step is refused")
    void nothingToWithdraw() {
        Acting.act(change, new ChangeCommand.Approve(dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, REVIEWER_ROLES, TWO_STEPS, NOW);

        assertThat(revoke(change, SOMEONE_ELSE, TWO_STEPS)).isEqualTo(new Verdict.Refused(
                "You have no approval on the step now open of CHG-1 to withdraw."));
    }

    @Test
    @DisplayName("once its step is complete is refused: later steps may rely on it")
    void stepComplete() {
        Acting.act(change, new ChangeCommand.Approve(dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, REVIEWER_ROLES, TWO_STEPS, NOW);
        Acting.act(change, new ChangeCommand.Approve(dev.changebot.domain.change.ApprovalVia.COMMAND), SOMEONE_ELSE, REVIEWER_ROLES, TWO_STEPS, NOW);

        var verdict = revoke(change, REVIEWER, TWO_STEPS);

        assertThat(verdict).isEqualTo(new Verdict.Refused(
                "You have no approval on the step now open of CHG-1 to withdraw."));
        assertThat(change.approvals()).extracting(Approval::approverId).containsExactly(REVIEWER, SOMEONE_ELSE);
    }

    @Test
    @DisplayName("of a change whose class left the policy is refused: no step is open")
    void classGone() {
        var retired = changeIn("retired", ChangeState.PENDING_APPROVAL);

        assertThat(revoke(retired, REVIEWER, TWO_STEPS)).isEqualTo(new Verdict.Refused(
                "You have no approval on the step now open of CHG-1 to withdraw."));
    }

    @Test
    @DisplayName("once the change is approved is refused: approvals can no longer be withdrawn")
    void changeApproved() {
        var policy = PolicyFixtures.oneReviewer();
        Acting.act(change, new ChangeCommand.Approve(dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, REVIEWER_ROLES, policy, NOW);

        assertThat(revoke(change, REVIEWER, policy)).isEqualTo(new Verdict.Refused(
                "CHG-1 is approved; approvals can no longer be withdrawn."));
        assertThat(change.state()).isEqualTo(ChangeState.APPROVED);
    }
}
