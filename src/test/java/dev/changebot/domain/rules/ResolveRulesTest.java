package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.COMMANDER;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.change.ChangeFixtures.declaredEmergency;
import static dev.changebot.domain.policy.PolicyFixtures.INCIDENT_COMMANDER;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.EmergencyResolved;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.ApprovalStep;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The incident commander (or the declarer) says an emergency's fix is in. */
@DisplayName("Resolving an emergency")
class ResolveRulesTest {

    static final Policy POLICY = PolicyFixtures.withEmergency(List.of());
    static final Instant LATER = NOW.plus(Duration.ofMinutes(40));

    final ChangeRules rules = new ChangeRules();

    Verdict resolve(Change change, String userId, Set<String> roles) {
        return rules.decide(change, new ChangeCommand.Resolve(), Actor.person(userId, roles), Situation.at(POLICY, LATER));
    }

    @ParameterizedTest(name = "by {0}")
    @ValueSource(strings = {REQUESTER, COMMANDER})
    @DisplayName("in progress, by its declarer or its incident commander, is accepted; owing follow-ups, it waits for them")
    void resolved(String userId) {
        var emergency = Acting.declared(POLICY, Optional.empty());

        var verdict = resolve(emergency, userId, Set.of());

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new EmergencyResolved(FIRST, userId, LATER)));
        verdict.events().forEach(emergency::apply);
        assertThat(emergency.state()).isEqualTo(ChangeState.FOLLOW_UPS_PENDING);
    }

    @Test
    @DisplayName("owing nothing, closes it")
    void owingNothing() {
        var emergency = declaredEmergency(List.of(), false);

        resolve(emergency, COMMANDER, Set.of()).events().forEach(emergency::apply);

        assertThat(emergency.state()).isEqualTo(ChangeState.CLOSED);
    }

    @Test
    @DisplayName("by anyone else, even another incident commander, is refused")
    void bySomeoneElse() {
        assertThat(resolve(Acting.declared(POLICY, Optional.empty()), REVIEWER, Set.of(INCIDENT_COMMANDER)))
                .isEqualTo(new Verdict.Refused("Only the incident commander of CHG-1 resolves it."));
    }

    @Test
    @DisplayName("a change that is not an emergency is told so")
    void notAnEmergency() {
        assertThat(resolve(changeIn(ChangeState.IN_PROGRESS), REQUESTER, Set.of())).isEqualTo(new Verdict.Refused(
                "CHG-1 is not an emergency change; only emergencies are resolved."));
    }

    @Test
    @DisplayName("before its approvals are in, or once resolved, is refused with where it stands")
    void notInProgress() {
        var waiting = Acting.declared(PolicyFixtures.withEmergency(List.of(new ApprovalStep("Reviewer", REVIEWER_ROLES,
                1))), Optional.empty());
        assertThat(resolve(waiting, REQUESTER, Set.of())).isEqualTo(new Verdict.Refused("CHG-1 is pending approval."));

        var resolved = Acting.declared(POLICY, Optional.empty());
        resolve(resolved, REQUESTER, Set.of()).events().forEach(resolved::apply);
        assertThat(resolve(resolved, REQUESTER, Set.of())).isEqualTo(new Verdict.Refused("CHG-1 is follow ups pending."));
    }
}
