package dev.changebot.domain.rules;

import dev.changebot.domain.change.ApprovalVia;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.change.ChangeFixtures.pendingChange;
import static dev.changebot.domain.change.ChangeState.APPROVED;
import static dev.changebot.domain.change.ChangeState.CANCELLED;
import static dev.changebot.domain.change.ChangeState.COMPLETED;
import static dev.changebot.domain.change.ChangeState.IN_PROGRESS;
import static dev.changebot.domain.change.ChangeState.PENDING_APPROVAL;
import static dev.changebot.domain.change.ChangeState.REJECTED;
import static dev.changebot.domain.policy.PolicyFixtures.BACKEND_LEAD;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWERS;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.changebot.domain.change.Approval;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.ChangeApproved;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.ApprovalStep;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Approving the step now open of a change's chain: by whom, in which order, and when not at all. */
@DisplayName("Approving a change")
class ApproveRulesTest {

    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));
    static final String LEAD = "U_ERIN";
    static final Policy ONE_REVIEWER = PolicyFixtures.oneReviewer();

    final ChangeRules rules = new ChangeRules();

    Verdict approve(Change change, String userId, Set<String> roles, Policy policy) {
        return rules.decide(change, new ChangeCommand.Approve(ApprovalVia.COMMAND), Actor.person(userId, roles), Situation.at(policy, LATER));
    }

    @Test
    @DisplayName("by a reviewer other than the requester is accepted, and completes a one-step chain")
    void approvedByAReviewer() {
        var change = pendingChange();

        var verdict = approve(change, REVIEWER, REVIEWER_ROLES, ONE_REVIEWER);

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeApproved(FIRST, REVIEWER, LATER, 1, true, ApprovalVia.COMMAND, List.of(REVIEWERS))));
        verdict.events().forEach(change::apply);
        assertThat(change.state()).isEqualTo(APPROVED);
        assertThat(change.approvals()).containsExactly(new Approval(REVIEWER, LATER, 1));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("the requester", REQUESTER, REVIEWER_ROLES, PENDING_APPROVAL,
                        "You requested CHG-1, so you cannot approve it: the policy needs someone else to review your change."),
                Arguments.of("someone without the step's role", SOMEONE_ELSE, Set.of(), PENDING_APPROVAL,
                        "Step 1 (Review) needs Reviewers, and you do not hold that role."),
                Arguments.of("a reviewer", REVIEWER, REVIEWER_ROLES, APPROVED,
                        "CHG-1 is approved; there is nothing left to approve."),
                Arguments.of("a reviewer", REVIEWER, REVIEWER_ROLES, REJECTED,
                        "CHG-1 is rejected; there is nothing left to approve."),
                Arguments.of("a reviewer", REVIEWER, REVIEWER_ROLES, CANCELLED,
                        "CHG-1 is cancelled; there is nothing left to approve."),
                Arguments.of("a reviewer", REVIEWER, REVIEWER_ROLES, IN_PROGRESS,
                        "CHG-1 is in progress; there is nothing left to approve."),
                Arguments.of("a reviewer", REVIEWER, REVIEWER_ROLES, COMPLETED,
                        "CHG-1 is completed; there is nothing left to approve."));
    }

    @ParameterizedTest(name = "by {0}, {3}: \"{4}\"")
    @MethodSource("refusals")
    @DisplayName("is refused in the person's words, and nothing is recorded")
    void refused(String who, String userId, Set<String> roles, ChangeState state, String words) {
        var change = changeIn(state);

        var verdict = approve(change, userId, roles, ONE_REVIEWER);

        assertThat(verdict).isEqualTo(new Verdict.Refused(words));
        assertThat(verdict.events()).isEmpty();
        assertThat(change.state()).isEqualTo(state);
        assertThat(change.approvals()).isEmpty();
    }

    @Test
    @DisplayName("climbs a two-step chain in order: N distinct people per step, a different person for each step")
    void twoStepChain() {
        var policy = PolicyFixtures.twoSteps();
        var change = pendingChange();
        var both = Set.of(REVIEWERS, BACKEND_LEAD);

        assertThat(approve(change, LEAD, Set.of(BACKEND_LEAD), policy)).isEqualTo(new Verdict.Refused(
                "Not yet: waiting for step 1 (Peer review) before step 2 (Lead sign-off)."));
        apply(change, approve(change, REVIEWER, both, policy), new ChangeApproved(FIRST, REVIEWER, LATER, 1, false, ApprovalVia.COMMAND, List.of(REVIEWERS)));
        assertThat(approve(change, REVIEWER, both, policy)).isEqualTo(new Verdict.Refused(
                "You have already approved step 1 (Peer review); it needs 1 more approver."));
        apply(change, approve(change, SOMEONE_ELSE, REVIEWER_ROLES, policy),
                new ChangeApproved(FIRST, SOMEONE_ELSE, LATER, 1, false, ApprovalVia.COMMAND, List.of(REVIEWERS)));
        assertThat(change.state()).as("step 2 is open").isEqualTo(PENDING_APPROVAL);
        assertThat(approve(change, SOMEONE_ELSE, REVIEWER_ROLES, policy)).isEqualTo(new Verdict.Refused(
                "Step 2 (Lead sign-off) needs backend-lead, and you do not hold that role."));
        assertThat(approve(change, REVIEWER, both, policy)).isEqualTo(new Verdict.Refused(
                "You approved step 1 (Peer review); the policy needs a different person for step 2 (Lead sign-off)."));
        apply(change, approve(change, LEAD, Set.of(BACKEND_LEAD), policy), new ChangeApproved(FIRST, LEAD, LATER, 2, true, ApprovalVia.COMMAND, List.of(BACKEND_LEAD)));

        assertThat(change.state()).isEqualTo(APPROVED);
        assertThat(change.approvals()).extracting(Approval::approverId, Approval::step)
                .containsExactly(tuple(REVIEWER, 1), tuple(SOMEONE_ELSE, 1), tuple(LEAD, 2));
    }

    @Test
    @DisplayName("by the requester is accepted where the policy lets requesters approve")
    void requesterWhereThePolicyAllows() {
        var verdict = approve(pendingChange(), REQUESTER, REVIEWER_ROLES, PolicyFixtures.requesterMayApprove());

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeApproved(FIRST, REQUESTER, LATER, 1, true, ApprovalVia.COMMAND, List.of(REVIEWERS))));
    }

    @Test
    @DisplayName("of a class the policy no longer has is refused: nobody can approve it")
    void classGone() {
        assertThat(approve(changeIn("retired", PENDING_APPROVAL), REVIEWER, REVIEWER_ROLES, ONE_REVIEWER))
                .isEqualTo(new Verdict.Refused("CHG-1's class 'retired' is not in the current policy, so nobody can "
                        + "approve it; ask the policy's owner."));
    }

    @Test
    @DisplayName("of an emergency waiting for approval: never by its declarer; the last approval sets its work going")
    void emergencyWaitingForApproval() {
        var policy = PolicyFixtures.withEmergency(List.of(new ApprovalStep("Reviewer", REVIEWER_ROLES, 1)));
        var emergency = Acting.declared(policy, Optional.empty());

        assertThat(approve(emergency, REQUESTER, REVIEWER_ROLES, policy)).isEqualTo(new Verdict.Refused(
                "You declared CHG-1, so you cannot approve it: the policy needs someone else to review your change."));
        apply(emergency, approve(emergency, REVIEWER, REVIEWER_ROLES, policy),
                new ChangeApproved(FIRST, REVIEWER, LATER, 1, true, ApprovalVia.COMMAND, List.of(REVIEWERS)));

        assertThat(emergency.state()).isEqualTo(IN_PROGRESS);
    }

    @Test
    @DisplayName("is what a person's App Home lists as awaiting them: only where they may approve now")
    void mayApprove() {
        var change = pendingChange();
        var situation = Situation.at(ONE_REVIEWER, LATER);

        assertThat(rules.mayApprove(change, Actor.person(REVIEWER, REVIEWER_ROLES), situation)).isTrue();
        assertThat(rules.mayApprove(change, Actor.person(REQUESTER, REVIEWER_ROLES), situation)).isFalse();
        assertThat(rules.mayApprove(change, Actor.person(SOMEONE_ELSE, Set.of()), situation)).isFalse();
        assertThat(rules.mayApprove(changeIn(APPROVED), Actor.person(REVIEWER, REVIEWER_ROLES), situation)).isFalse();
    }

    private static void apply(Change change, Verdict verdict, ChangeApproved expected) {
        assertThat(verdict).isEqualTo(Verdict.Accepted.of(expected));
        verdict.events().forEach(change::apply);
    }
}
