package dev.changebot.domain.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A class's way to production: its soak stages in order ("production only after staging, with a
 * 30-minute soak"), then production, in rollout steps when the class has them, then post-deploy
 * monitoring. Environments of the policy that this class's plan does not name are not gated (only
 * the policy's environments are accepted at all, see {@link Policy#environments()}).
 */
public record DeploymentPlan(List<SoakStage> stages, Optional<Rollout> rollout, Optional<Duration> monitoring) {

    public static final String PRODUCTION = "production";

    public DeploymentPlan {
        stages = List.copyOf(stages);
    }

    public static DeploymentPlan of(ChangeClass changeClass) {
        return new DeploymentPlan(changeClass.soak(), changeClass.rollout(), changeClass.monitoring());
    }

    /**
     * The plan for a service deployed only to {@code environments}: stages elsewhere are not its
     * way to production (a homepage deployed straight to production does not soak in staging).
     */
    public DeploymentPlan within(Collection<String> environments) {
        return new DeploymentPlan(stages.stream().filter(s -> environments.stream().anyMatch(e -> same(e, s.environment())))
                .toList(), rollout, monitoring);
    }

    /** Production goes out in rollout steps. */
    public boolean rollsOut(String environment) {
        return rollout.isPresent() && same(environment, PRODUCTION);
    }

    /** The rollout step after {@code rolloutPercent}; empty once at 100%. */
    public OptionalInt nextRolloutStep(int rolloutPercent) {
        return rollout.stream().flatMap(r -> r.percentages().stream()).filter(p -> p > rolloutPercent)
                .mapToInt(Integer::intValue).findFirst();
    }

    /**
     * How long a deployment to {@code environment} waits before the next one may go: its stage's
     * soak; between rollout steps, the soak between steps; after production (its last rollout
     * step), post-deploy monitoring, timed like a soak. Empty: nothing to wait for.
     */
    public Optional<Duration> waitAfter(String environment, OptionalInt percent) {
        if (rollsOut(environment) && percent.isPresent() && percent.getAsInt() < 100) {
            return Optional.of(rollout.get().soakBetweenSteps());
        }
        var stage = stages.stream().filter(s -> same(s.environment(), environment)).findFirst().map(SoakStage::duration);
        return stage.isPresent() || !same(environment, PRODUCTION) ? stage : monitoring;
    }

    /** The stages whose soak must be behind a change before it may go to {@code environment}. */
    public List<String> mustPassBefore(String environment) {
        var before = new ArrayList<String>();
        for (var stage : stages) {
            if (same(stage.environment(), environment)) {
                return before;
            }
            before.add(stage.environment());
        }
        return same(environment, PRODUCTION) ? before : List.of();
    }

    /** Where the change goes next, given the stages behind it; empty once production is done. */
    public Optional<NextDeployment> next(Collection<String> passed, int rolloutPercent) {
        for (var stage : stages) {
            if (passed.stream().noneMatch(p -> same(p, stage.environment()))) {
                return Optional.of(new NextDeployment(stage.environment(), OptionalInt.empty()));
            }
        }
        if (rollout.isPresent()) {
            var step = nextRolloutStep(rolloutPercent);
            return step.isPresent() ? Optional.of(new NextDeployment(PRODUCTION, step)) : Optional.empty();
        }
        if (passed.stream().noneMatch(p -> same(p, PRODUCTION))) {
            return Optional.of(new NextDeployment(PRODUCTION, OptionalInt.empty()));
        }
        return Optional.empty();
    }

    private static boolean same(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    /** A deployment to come: an environment, and the share of users for a rollout step. */
    public record NextDeployment(String environment, OptionalInt percent) {

        /** "staging", "production 25%". */
        public String label() {
            return percent.isPresent() ? environment + " " + percent.getAsInt() + "%" : environment;
        }
    }
}
