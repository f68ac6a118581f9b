package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.change.ChangeFixtures.pendingChange;
import static dev.changebot.domain.policy.PolicyFixtures.BACKEND_LEAD;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.ChangeRejected;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Rejection;
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
import org.junit.jupiter.params.provider.ValueSource;

/** Turning a change down: with a reason, by someone who could have approved it, while it waits. */
@DisplayName("Rejecting a change")
class RejectRulesTest {

    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));
    static final Policy ONE_REVIEWER = PolicyFixtures.oneReviewer();

    final ChangeRules rules = new ChangeRules();

    Verdict reject(Change change, String userId, Set<String> roles, String reason, Policy policy) {
        return rules.decide(change, new ChangeCommand.Reject(reason, dev.changebot.domain.change.ApprovalVia.COMMAND), Actor.person(userId, roles),
                Situation.at(policy, LATER));
    }

    @Test
    @DisplayName("by a reviewer, with a reason, is accepted; the reason is kept without its surrounding blanks")
    void rejectedWithAReason() {
        var change = pendingChange();

        var verdict = reject(change, REVIEWER, REVIEWER_ROLES, "  Not on a Friday  ", ONE_REVIEWER);

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeRejected(FIRST, REVIEWER, LATER, "Not on a Friday", dev.changebot.domain.change.ApprovalVia.COMMAND, java.util.List.of(dev.changebot.domain.policy.PolicyFixtures.REVIEWERS))));
        verdict.events().forEach(change::apply);
        assertThat(change.state()).isEqualTo(ChangeState.REJECTED);
        assertThat(change.rejection()).contains(new Rejection(REVIEWER, "Not on a Friday", LATER));
    }

    @Test
    @DisplayName("records how it was given and only the approver roles that made it count")
    void provenance() {
        var verdict = rules.decide(pendingChange(), new ChangeCommand.Reject("Too broad", dev.changebot.domain.change.ApprovalVia.BUTTON),
                Actor.person(REVIEWER, Set.of(PolicyFixtures.REVIEWERS, "payroll")), Situation.at(ONE_REVIEWER, LATER));

        assertThat(verdict.events()).singleElement().isEqualTo(new ChangeRejected(FIRST, REVIEWER, LATER, "Too broad",
                dev.changebot.domain.change.ApprovalVia.BUTTON, List.of(PolicyFixtures.REVIEWERS)));
    }

    @ParameterizedTest(name = "reason \"{0}\"")
    @ValueSource(strings = {"", "   ", "\n"})
    @DisplayName("without a reason is invalid upfront: the requester needs to know what to fix")
    void refusedWithoutAReason(String reason) {
        assertThat(rules.invalid(FIRST, new ChangeCommand.Reject(reason, dev.changebot.domain.change.ApprovalVia.COMMAND), ONE_REVIEWER))
                .contains("Say why you reject CHG-1: the requester needs to know what to fix.");
    }

    @Test
    @DisplayName("with no reason at all is invalid too; with one, nothing is wrong with the command itself")
    void reasonIsAllThatIsCheckedUpfront() {
        assertThat(rules.invalid(FIRST, new ChangeCommand.Reject(null, dev.changebot.domain.change.ApprovalVia.COMMAND), ONE_REVIEWER))
                .contains("Say why you reject CHG-1: the requester needs to know what to fix.");
        assertThat(rules.invalid(FIRST, new ChangeCommand.Reject("No rollback tested", dev.changebot.domain.change.ApprovalVia.COMMAND), ONE_REVIEWER)).isEmpty();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("the requester", REQUESTER, REVIEWER_ROLES, ChangeState.PENDING_APPROVAL,
                        "You requested CHG-1; to withdraw it, use `/change cancel CHG-1`."),
                Arguments.of("someone holding no approver role", SOMEONE_ELSE, Set.of(), ChangeState.PENDING_APPROVAL,
                        "Only approvers of CHG-1 (reviewers) can reject it."),
                Arguments.of("someone holding another role", SOMEONE_ELSE, Set.of(BACKEND_LEAD),
                        ChangeState.PENDING_APPROVAL, "Only approvers of CHG-1 (reviewers) can reject it."),
                Arguments.of("a reviewer", REVIEWER, REVIEWER_ROLES, ChangeState.APPROVED,
                        "CHG-1 is approved; it can no longer be rejected."),
                Arguments.of("a reviewer", REVIEWER, REVIEWER_ROLES, ChangeState.REJECTED,
                        "CHG-1 is rejected; it can no longer be rejected."),
                Arguments.of("a reviewer", REVIEWER, REVIEWER_ROLES, ChangeState.CANCELLED,
                        "CHG-1 is cancelled; it can no longer be rejected."),
                Arguments.of("a reviewer", REVIEWER, REVIEWER_ROLES, ChangeState.IN_PROGRESS,
                        "CHG-1 is in progress; it can no longer be rejected."));
    }

    @ParameterizedTest(name = "by {0}, {3}: \"{4}\"")
    @MethodSource("refusals")
    @DisplayName("is refused in the person's words, and nothing is recorded")
    void refused(String who, String userId, Set<String> roles, ChangeState state, String words) {
        var change = changeIn(state);

        var verdict = reject(change, userId, roles, "Not on a Friday", ONE_REVIEWER);

        assertThat(verdict).isEqualTo(new Verdict.Refused(words));
        assertThat(verdict.events()).isEmpty();
        assertThat(change.state()).isEqualTo(state);
        assertThat(change.rejection()).isEmpty();
    }

    @Test
    @DisplayName("is open to the approvers of any step, even one not reached yet; the refusal names every role of the chain")
    void approversOfAnyStep() {
        var policy = PolicyFixtures.twoSteps();

        assertThat(reject(pendingChange(), "U_ERIN", Set.of(BACKEND_LEAD), "Wrong quarter", policy))
                .isInstanceOf(Verdict.Accepted.class);
        assertThat(reject(pendingChange(), SOMEONE_ELSE, Set.of(), "Wrong quarter", policy)).isEqualTo(
                new Verdict.Refused("Only approvers of CHG-1 (backend-lead, reviewers) can reject it."));
    }

    @Test
    @DisplayName("an emergency waiting for approval: its declarer withdraws it by cancelling instead")
    void emergencyByItsDeclarer() {
        var policy = PolicyFixtures.withEmergency(List.of(new ApprovalStep("Reviewer", REVIEWER_ROLES, 1)));
        var emergency = Acting.declared(policy, Optional.empty());

        assertThat(reject(emergency, REQUESTER, REVIEWER_ROLES, "Too broad", policy)).isEqualTo(
                new Verdict.Refused("You declared CHG-1; to withdraw it, use `/change cancel CHG-1`."));
        assertThat(reject(emergency, REVIEWER, REVIEWER_ROLES, "Too broad", policy)).isEqualTo(
                Verdict.Accepted.of(new ChangeRejected(FIRST, REVIEWER, LATER, "Too broad", dev.changebot.domain.change.ApprovalVia.COMMAND, java.util.List.of(dev.changebot.domain.policy.PolicyFixtures.REVIEWERS))));
    }
}
