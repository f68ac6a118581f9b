package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.ChangeDeployed;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Soak;
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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Deployed to staging": environments of the policy only, stages in the plan's order, a staged
 * rollout step by step; where the plan soaks the stage, the change soaks there and nothing moves on
 * before the soak ends.
 */
@DisplayName("Reporting a deployment")
class DeploymentRulesTest {

    /** "normal" soaks 30 min in staging; "high" 2 h in staging, then 5/25/100% 8 h apart, then 4 h of monitoring. */
    static final Policy POLICY = PolicyFixtures.stagedDeployments();
    static final Instant T1 = NOW.plus(Duration.ofMinutes(10));

    final ChangeRules rules = new ChangeRules();

    Verdict deployed(Change change, String environment, OptionalInt percent, Instant at) {
        return rules.decide(change, new ChangeCommand.ReportDeployment(environment, percent),
                Actor.person(REQUESTER, Set.of()), Situation.at(POLICY, at));
    }

    /** The rules must accept it; the event is applied as the service would. */
    ChangeDeployed apply(Change change, Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        verdict.events().forEach(change::apply);
        return (ChangeDeployed) verdict.events().get(0);
    }

    static Change started(String changeClass) {
        return Acting.approvedAndStarted(changeIn(changeClass, ChangeState.PENDING_APPROVAL), POLICY, NOW);
    }

    static void soaked(Change change, String stage, Instant at) {
        Acting.act(change, new ChangeCommand.EndSoak(stage), Actor.CHANGEBOT.userId(), Set.of(), POLICY, at);
    }

    @Test
    @DisplayName("to an environment the policy does not have is invalid upfront, whatever was typed, without echoing it")
    void unknownEnvironment() {
        assertThat(rules.invalid(FIRST, new ChangeCommand.ReportDeployment("<!channel> qa", OptionalInt.empty()), POLICY))
                .contains("That is not an environment of this policy: CHG-1 can be reported deployed to staging, production.");
        assertThat(rules.invalid(FIRST, new ChangeCommand.ReportDeployment(" Staging ", OptionalInt.empty()), POLICY))
                .as("names are not case-sensitive").isEmpty();
        assertThat(new ChangeCommand.ReportDeployment(" Staging ", OptionalInt.empty()).environment()).isEqualTo("staging");
    }

    @Test
    @DisplayName("goes stage by stage: production only after the soak in staging; the soak sets when it ends")
    void stagesInOrder() {
        var change = started("normal");

        assertThat(deployed(change, "production", OptionalInt.empty(), T1)).isEqualTo(new Verdict.Refused(
                "CHG-1 goes to production only after its soak in staging: deploy it to staging first."));

        var staging = apply(change, deployed(change, "staging", OptionalInt.empty(), T1));
        var soakUntil = T1.plus(Duration.ofMinutes(30));
        assertThat(staging).isEqualTo(new ChangeDeployed(FIRST, REQUESTER, T1, "staging", OptionalInt.empty(), soakUntil));
        assertThat(change.state()).isEqualTo(ChangeState.SOAKING);
        assertThat(change.soak()).contains(new Soak("staging", soakUntil));

        assertThat(deployed(change, "production", OptionalInt.empty(), T1.plusSeconds(60))).isEqualTo(new Verdict.Refused(
                "CHG-1 is soaking in staging until 2026-03-02T09:40:00Z; deploy further after that."));

        soaked(change, "staging", soakUntil);
        var production = apply(change, deployed(change, "production", OptionalInt.empty(), soakUntil));
        assertThat(production.soakUntil()).as("nothing to wait for after production: no monitoring").isNull();
        assertThat(change.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(change.stagesPassed()).containsExactly("staging", "production");
    }

    @Test
    @DisplayName("where the class's plan names no stage, nothing is gated and nothing soaks")
    void notGated() {
        var standard = changeIn("standard", ChangeState.APPROVED);
        Acting.act(standard, new ChangeCommand.Start(Optional.empty()), REQUESTER, Set.of(), POLICY, NOW);

        var verdict = deployed(standard, "production", OptionalInt.empty(), T1);

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeDeployed(FIRST, REQUESTER, T1, "production",
                OptionalInt.empty(), null)));
        assertThat(deployed(changeIn("retired", ChangeState.IN_PROGRESS), "production", OptionalInt.empty(), T1))
                .as("a class that left the policy has no plan left either")
                .isEqualTo(Verdict.Accepted.of(new ChangeDeployed(FIRST, REQUESTER, T1, "production", OptionalInt.empty(),
                        null)));
    }

    @Test
    @DisplayName("rolls out step by step, each step soaking before the next, the last one monitored; then nothing is left")
    void rolloutSteps() {
        var change = started("high");
        assertThat(deployed(change, "production", OptionalInt.of(5), T1)).isEqualTo(new Verdict.Refused(
                "CHG-1 goes to production 5% only after its soak in staging: deploy it to staging first."));
        apply(change, deployed(change, "staging", OptionalInt.empty(), T1));
        var at = T1.plus(Duration.ofHours(2));
        soaked(change, "staging", at);

        var wrongStep = new Verdict.Refused("The next step of CHG-1's rollout is 5% (steps: [5, 25, 100]): "
                + "`/change deployed CHG-1 production 5`.");
        assertThat(deployed(change, "production", OptionalInt.empty(), at)).isEqualTo(wrongStep);
        assertThat(deployed(change, "production", OptionalInt.of(25), at)).isEqualTo(wrongStep);

        for (var step : List.of(5, 25, 100)) {
            var deployed = apply(change, deployed(change, "production", OptionalInt.of(step), at));
            var wait = step == 100 ? Duration.ofHours(4) : Duration.ofHours(8);
            assertThat(deployed).isEqualTo(new ChangeDeployed(FIRST, REQUESTER, at, "production", OptionalInt.of(step),
                    at.plus(wait)));
            assertThat(change.soak()).contains(new Soak("production " + step + "%", at.plus(wait)));
            assertThat(change.rolloutPercent()).isEqualTo(step);
            at = at.plus(wait);
            soaked(change, "production " + step + "%", at);
        }

        assertThat(change.stagesPassed()).containsExactly("staging", "production 5%", "production 25%", "production 100%");
        assertThat(deployed(change, "production", OptionalInt.of(100), at)).isEqualTo(new Verdict.Refused(
                "CHG-1 is already rolled out to 100%."));
    }

    static Stream<Arguments> notUnderWay() {
        return Stream.of(
                Arguments.of(ChangeState.APPROVED, "CHG-1 has not started yet: `/change start CHG-1` first."),
                Arguments.of(ChangeState.PENDING_APPROVAL,
                        "CHG-1 is still waiting for approval: `/change show CHG-1` says whose."),
                Arguments.of(ChangeState.DRAFT, "CHG-1 is still waiting for approval: `/change show CHG-1` says whose."),
                Arguments.of(ChangeState.COMPLETED, "CHG-1 is already completed; nothing more can happen to it."),
                Arguments.of(ChangeState.ROLLED_BACK, "CHG-1 is already rolled back; nothing more can happen to it."),
                Arguments.of(ChangeState.CANCELLED, "CHG-1 is already cancelled; nothing more can happen to it."));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @MethodSource("notUnderWay")
    @DisplayName("of a change not under way is refused with where it stands and what to do")
    void notUnderWay(ChangeState state, String words) {
        assertThat(deployed(changeIn(state), "staging", OptionalInt.empty(), T1)).isEqualTo(new Verdict.Refused(words));
    }

    @Test
    @DisplayName("of an emergency already resolved is refused: it cannot soak now")
    void resolvedEmergency() {
        var policy = PolicyFixtures.withEmergency(List.of());
        var emergency = Acting.declared(policy, Optional.empty());
        Acting.act(emergency, new ChangeCommand.Resolve(), REQUESTER, Set.of(), policy, NOW);

        var verdict = rules.decide(emergency, new ChangeCommand.ReportDeployment("production", OptionalInt.empty()),
                Actor.person(REQUESTER, Set.of()), Situation.at(policy, T1));

        assertThat(verdict).isEqualTo(new Verdict.Refused("CHG-1 is follow ups pending; it cannot be soaking now. "
                + "`/change show CHG-1` says what comes next."));
    }
}
