package dev.changebot.domain.policy;

import java.time.Duration;
import java.util.List;

/** A staged rollout: the exposure percentages in order, with a soak between consecutive steps. */
public record Rollout(List<Integer> percentages, Duration soakBetweenSteps) {

    public Rollout {
        percentages = List.copyOf(percentages);
    }
}
