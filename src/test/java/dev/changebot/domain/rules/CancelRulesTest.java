package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.ChangeCancelled;
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

/** The requester withdraws their change, before work on it has started. */
@DisplayName("Cancelling a change")
class CancelRulesTest {

    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));
    static final Policy POLICY = PolicyFixtures.oneReviewer();

    final ChangeRules rules = new ChangeRules();

    Verdict cancel(Change change, String userId) {
        return rules.decide(change, new ChangeCommand.Cancel(), Actor.person(userId, Set.of()), Situation.at(POLICY, LATER));
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of(REQUESTER, ChangeState.PENDING_APPROVAL, null),
                Arguments.of(REQUESTER, ChangeState.APPROVED, null),
                Arguments.of(REVIEWER, ChangeState.PENDING_APPROVAL, "Only the requester of CHG-1 can cancel it."),
                Arguments.of(REVIEWER, ChangeState.IN_PROGRESS, "Only the requester of CHG-1 can cancel it."),
                Arguments.of(REQUESTER, ChangeState.IN_PROGRESS, "CHG-1 is in progress; it can no longer be cancelled."),
                Arguments.of(REQUESTER, ChangeState.CANCELLED, "CHG-1 is cancelled; it can no longer be cancelled."),
                Arguments.of(REQUESTER, ChangeState.REJECTED, "CHG-1 is rejected; it can no longer be cancelled."),
                Arguments.of(REQUESTER, ChangeState.COMPLETED, "CHG-1 is completed; it can no longer be cancelled."));
    }

    @ParameterizedTest(name = "by {0}, {1}: {2}")
    @MethodSource("verdicts")
    @DisplayName("by the requester before work starts is accepted; otherwise refused, and nothing is recorded")
    void cancel(String userId, ChangeState state, String refusal) {
        var change = changeIn(state);

        var verdict = cancel(change, userId);

        if (refusal == null) {
            assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeCancelled(FIRST, userId, LATER)));
            verdict.events().forEach(change::apply);
            assertThat(change.state()).isEqualTo(ChangeState.CANCELLED);
        } else {
            assertThat(verdict).isEqualTo(new Verdict.Refused(refusal));
            assertThat(change.state()).isEqualTo(state);
        }
    }

    @Test
    @DisplayName("an emergency: its declarer withdraws it while it waits for approval, not once it has gone ahead")
    void emergency() {
        var policy = PolicyFixtures.withEmergency(List.of(new ApprovalStep("Reviewer", REVIEWER_ROLES, 1)));
        var waiting = Acting.declared(policy, Optional.empty());

        assertThat(cancel(waiting, REVIEWER)).isEqualTo(new Verdict.Refused("Only the requester of CHG-1 can cancel it."));
        assertThat(cancel(waiting, REQUESTER)).isEqualTo(Verdict.Accepted.of(new ChangeCancelled(FIRST, REQUESTER, LATER)));

        var underWay = Acting.declared(PolicyFixtures.withEmergency(List.of()), Optional.empty());
        assertThat(cancel(underWay, REQUESTER)).isEqualTo(new Verdict.Refused(
                "CHG-1 is in progress; it can no longer be cancelled."));
    }
}
