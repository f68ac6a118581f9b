package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.ChangeSoakCompleted;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A soak's timer rang: only the soak it was set for completes, once; any other ring does nothing. */
@DisplayName("The end of a soak")
class EndSoakRulesTest {

    static final Policy POLICY = PolicyFixtures.stagedDeployments();
    static final Instant SOAKED = NOW.plus(Duration.ofMinutes(30));
    static final Verdict MOVED_ON = new Verdict.Ignored("nothing to do: the change moved on");

    final ChangeRules rules = new ChangeRules();
    final Change change = Acting.approvedAndStarted(changeIn("high", ChangeState.PENDING_APPROVAL), POLICY, NOW);

    Verdict ring(String stage, Instant at) {
        return rules.decide(change, new ChangeCommand.EndSoak(stage), Actor.CHANGEBOT, Situation.at(POLICY, at));
    }

    void deployed(String environment, OptionalInt percent) {
        Acting.act(change, new ChangeCommand.ReportDeployment(environment, percent), REQUESTER, Set.of(), POLICY, NOW);
    }

    @Test
    @DisplayName("for the soak under way completes it, as Changebot: the stage is passed and the change back in progress")
    void completesItsSoak() {
        deployed("staging", OptionalInt.empty());

        var verdict = ring("staging", SOAKED);

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeSoakCompleted(FIRST, "changebot", SOAKED, "staging")));
        verdict.events().forEach(change::apply);
        assertThat(change.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(change.soak()).isEmpty();
        assertThat(change.stagesPassed()).containsExactly("staging");
    }

    @Test
    @DisplayName("a second ring for the same soak is ignored")
    void secondRing() {
        deployed("staging", OptionalInt.empty());
        ring("staging", SOAKED).events().forEach(change::apply);

        assertThat(ring("staging", SOAKED.plusSeconds(1))).isEqualTo(MOVED_ON);
        assertThat(change.stagesPassed()).containsExactly("staging");
    }

    @Test
    @DisplayName("a ring for another stage than the one soaking is ignored, and the soak goes on")
    void anotherStage() {
        deployed("staging", OptionalInt.empty());

        assertThat(ring("production 5%", SOAKED)).isEqualTo(MOVED_ON);
        assertThat(change.state()).isEqualTo(ChangeState.SOAKING);
    }

    @Test
    @DisplayName("a ring after the work ended (rolled back mid-soak) is ignored")
    void afterTheWorkEnded() {
        deployed("staging", OptionalInt.empty());
        Acting.act(change, new ChangeCommand.Finish(ChangeState.ROLLED_BACK), REQUESTER, Set.of(), POLICY, NOW);

        assertThat(ring("staging", SOAKED)).isEqualTo(MOVED_ON);
        assertThat(change.state()).isEqualTo(ChangeState.ROLLED_BACK);
    }

    @Test
    @DisplayName("a ring for a rollout step completes that step, by its label")
    void rolloutStep() {
        deployed("staging", OptionalInt.empty());
        ring("staging", SOAKED).events().forEach(change::apply);
        deployed("production", OptionalInt.of(5));

        var verdict = ring("production 5%", SOAKED);

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeSoakCompleted(FIRST, "changebot", SOAKED,
                "production 5%")));
    }
}
