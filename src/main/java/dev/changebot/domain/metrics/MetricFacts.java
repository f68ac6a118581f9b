package dev.changebot.domain.metrics;

import java.util.List;

/**
 * The facts a report is computed from, read in one snapshot: the changes that matter to the period
 * (requested, approved, deployed, finished or owing a follow-up in it) and the deployments reported
 * from its start on (the ones after it are there to tell when a failure was recovered).
 */
public record MetricFacts(List<ChangeFact> changes, List<DeploymentFact> deployments) {

    public static final MetricFacts NONE = new MetricFacts(List.of(), List.of());

    public MetricFacts {
        changes = List.copyOf(changes);
        deployments = List.copyOf(deployments);
    }

    /** The facts of one service alone: its changes and the deployments reported of it. */
    public MetricFacts ofService(String service) {
        return new MetricFacts(changes.stream().filter(c -> service.equals(c.service())).toList(),
                deployments.stream().filter(d -> service.equals(d.service())).toList());
    }
}
