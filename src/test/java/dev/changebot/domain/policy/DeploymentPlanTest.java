package dev.changebot.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A class's deployment plan")
class DeploymentPlanTest {

    static final DeploymentPlan STAGED = new DeploymentPlan(List.of(new SoakStage("staging", Duration.ofMinutes(30)),
            new SoakStage("canary", Duration.ofHours(1))), Optional.empty(), Optional.empty());
    static final DeploymentPlan ROLLOUT = new DeploymentPlan(List.of(new SoakStage("staging", Duration.ofHours(2))),
            Optional.of(new Rollout(List.of(5, 25, 50, 100), Duration.ofHours(8))), Optional.of(Duration.ofHours(4)));

    @Test
    @DisplayName("puts every soak stage before production, and the earlier stages before a later one")
    void gates() {
        assertThat(STAGED.mustPassBefore("staging")).isEmpty();
        assertThat(STAGED.mustPassBefore("canary")).containsExactly("staging");
        assertThat(STAGED.mustPassBefore("production")).containsExactly("staging", "canary");
        assertThat(STAGED.mustPassBefore("Production")).as("names are not case-sensitive").hasSize(2);
        assertThat(STAGED.mustPassBefore("sandbox")).as("an environment the plan does not name").isEmpty();
    }

    @Test
    @DisplayName("names the next deployment: the first stage not passed, then production, then nothing")
    void nextWithoutRollout() {
        assertThat(STAGED.next(List.of(), 0)).contains(new DeploymentPlan.NextDeployment("staging", OptionalInt.empty()));
        assertThat(STAGED.next(List.of("staging"), 0).map(DeploymentPlan.NextDeployment::label)).contains("canary");
        assertThat(STAGED.next(List.of("staging", "canary"), 0).map(DeploymentPlan.NextDeployment::label))
                .contains("production");
        assertThat(STAGED.next(List.of("staging", "canary", "production"), 0)).isEmpty();
    }

    @Test
    @DisplayName("says how long each deployment waits: its stage's soak, between rollout steps, monitoring after the last")
    void waits() {
        assertThat(STAGED.waitAfter("staging", OptionalInt.empty())).contains(Duration.ofMinutes(30));
        assertThat(STAGED.waitAfter("production", OptionalInt.empty())).as("no monitoring in this plan").isEmpty();
        assertThat(STAGED.waitAfter("sandbox", OptionalInt.empty())).isEmpty();
        assertThat(ROLLOUT.waitAfter("production", OptionalInt.of(25))).contains(Duration.ofHours(8));
        assertThat(ROLLOUT.waitAfter("production", OptionalInt.of(100))).contains(Duration.ofHours(4));
        assertThat(ROLLOUT.nextRolloutStep(25)).hasValue(50);
        assertThat(ROLLOUT.nextRolloutStep(100)).isEmpty();
    }

    @Test
    @DisplayName("walks a staged rollout step by step after the soak stages")
    void nextWithRollout() {
        assertThat(ROLLOUT.next(List.of(), 0).map(DeploymentPlan.NextDeployment::label)).contains("staging");
        assertThat(ROLLOUT.next(List.of("staging"), 0).map(DeploymentPlan.NextDeployment::label)).contains("production 5%");
        assertThat(ROLLOUT.next(List.of("staging", "production 5%"), 5).map(DeploymentPlan.NextDeployment::label))
                .contains("production 25%");
        assertThat(ROLLOUT.next(List.of("staging"), 100)).isEmpty();
    }
}
