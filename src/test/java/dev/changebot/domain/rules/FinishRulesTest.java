package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.change.ChangeState.COMPLETED;
import static dev.changebot.domain.change.ChangeState.FAILED;
import static dev.changebot.domain.change.ChangeState.IN_PROGRESS;
import static dev.changebot.domain.change.ChangeState.ROLLED_BACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.ChangeFinished;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How work ends: completed, rolled back or failed; a soak in progress is aborted, but a soaking change is not done yet. */
@DisplayName("Finishing the work on a change")
class FinishRulesTest {

    static final Policy POLICY = PolicyFixtures.stagedDeployments();
    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));

    final ChangeRules rules = new ChangeRules();

    Verdict finish(Change change, ChangeState outcome, Policy policy) {
        return rules.decide(change, new ChangeCommand.Finish(outcome), Actor.person(REQUESTER, Set.of()),
                Situation.at(policy, LATER));
    }

    /** Started, then deployed to staging, where it soaks until 09:30 UTC. */
    static Change soaking() {
        var change = Acting.approvedAndStarted(changeIn("normal", ChangeState.PENDING_APPROVAL), POLICY, NOW);
        Acting.act(change, new ChangeCommand.ReportDeployment("staging", OptionalInt.empty()), REQUESTER, Set.of(),
                POLICY, NOW);
        return change;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ChangeState.class, names = {"COMPLETED", "ROLLED_BACK", "FAILED"})
    @DisplayName("of a change in progress is accepted, and ends it as said")
    void inProgress(ChangeState outcome) {
        var change = changeIn(IN_PROGRESS);

        var verdict = finish(change, outcome, POLICY);

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeFinished(FIRST, REQUESTER, LATER, outcome)));
        verdict.events().forEach(change::apply);
        assertThat(change.state()).isEqualTo(outcome);
    }

    @Test
    @DisplayName("as completed while soaking is refused: the soak is not over")
    void notDoneWhileSoaking() {
        var change = soaking();

        assertThat(finish(change, COMPLETED, POLICY)).isEqualTo(new Verdict.Refused(
                "CHG-1 is soaking in staging until 2026-03-02T09:30:00Z."));
        assertThat(change.state()).isEqualTo(ChangeState.SOAKING);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ChangeState.class, names = {"ROLLED_BACK", "FAILED"})
    @DisplayName("as rolled back or failed while soaking is accepted, and aborts the soak")
    void abortsTheSoak(ChangeState outcome) {
        var change = soaking();

        finish(change, outcome, POLICY).events().forEach(change::apply);

        assertThat(change.state()).isEqualTo(outcome);
        assertThat(change.soak()).isEmpty();
    }

    static Stream<Arguments> notUnderWay() {
        return Stream.of(
                Arguments.of(ChangeState.APPROVED, COMPLETED, "CHG-1 has not started yet: `/change start CHG-1` first."),
                Arguments.of(ChangeState.PENDING_APPROVAL, COMPLETED,
                        "CHG-1 is still waiting for approval: `/change show CHG-1` says whose."),
                Arguments.of(ChangeState.COMPLETED, COMPLETED, "CHG-1 is already completed; nothing more can happen to it."),
                Arguments.of(ChangeState.COMPLETED, ROLLED_BACK, "CHG-1 is already completed; nothing more can happen to it."),
                Arguments.of(ChangeState.FAILED, FAILED, "CHG-1 is already failed; nothing more can happen to it."),
                Arguments.of(ChangeState.REJECTED, COMPLETED, "CHG-1 is already rejected; nothing more can happen to it."));
    }

    @ParameterizedTest(name = "{0} → {1}: \"{2}\"")
    @MethodSource("notUnderWay")
    @DisplayName("of a change not under way is refused with where it stands and what to do")
    void notUnderWay(ChangeState state, ChangeState outcome, String words) {
        assertThat(finish(changeIn(state), outcome, POLICY)).isEqualTo(new Verdict.Refused(words));
    }

    @Test
    @DisplayName("an emergency in progress may be rolled back or fail, but is resolved rather than completed")
    void emergency() {
        var policy = PolicyFixtures.withEmergency(List.of());

        assertThat(finish(Acting.declared(policy, Optional.empty()), COMPLETED, policy)).isEqualTo(new Verdict.Refused(
                "CHG-1 is in progress; it cannot be completed now. `/change show CHG-1` says what comes next."));
        assertThat(finish(Acting.declared(policy, Optional.empty()), ROLLED_BACK, policy)).isEqualTo(
                Verdict.Accepted.of(new ChangeFinished(FIRST, REQUESTER, LATER, ROLLED_BACK)));
    }

    @Test
    @DisplayName("is only completed, rolled back or failed: any other outcome is a mistake of the caller")
    void onlyTheWaysWorkEnds() {
        assertThatThrownBy(() -> new ChangeCommand.Finish(IN_PROGRESS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IN_PROGRESS is not how work ends");
    }
}
