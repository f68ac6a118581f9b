package dev.changebot.domain.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** Every metric of docs/metrics.md over one slice of the facts (everything, or one class, service or environment). */
final class SliceMetrics {

    private final MetricsWindow window;
    private final List<ChangeFact> changes;
    private final List<DeploymentFact> deployments;
    /** All deployments, whatever the slice: a failure in a slice is recovered by the next success of its service. */
    private final List<DeploymentFact> allDeployments;
    private final java.util.Map<Long, List<DeploymentFact>> byChange = new java.util.HashMap<>();
    /** Successful deployments by service and environment, by the moment they were reported (the first id at a tie). */
    private final java.util.Map<List<String>, java.util.TreeMap<Instant, DeploymentFact>> successes = new java.util.HashMap<>();
    /** When each change of the slice first reached the target (null: never), worked out once: several metrics ask. */
    private final java.util.Map<Long, Instant> reachedTarget = new java.util.HashMap<>();
    private String by = MetricRow.ALL;
    private String key = MetricRow.ALL;

    SliceMetrics(MetricsWindow window, MetricFacts facts, Predicate<ChangeFact> changeIn,
                 Predicate<DeploymentFact> deploymentIn) {
        this.window = window;
        this.changes = facts.changes().stream().filter(changeIn).toList();
        this.deployments = facts.deployments().stream().filter(deploymentIn).toList();
        this.allDeployments = facts.deployments();
        // Looked up per change and per failure: indexed once, so a month of thousands stays linear.
        for (var d : allDeployments) {
            if (d.changeNumber() != null) {
                byChange.computeIfAbsent(d.changeNumber(), n -> new java.util.ArrayList<>()).add(d);
            }
            if (d.succeeded()) {
                successes.computeIfAbsent(java.util.Arrays.asList(d.service(), d.environment()),
                        k -> new java.util.TreeMap<>()).merge(d.reportedAt(), d,
                        (a, b) -> a.id() <= b.id() ? a : b);
            }
        }
        for (var change : changes) {
            reachedTarget.put(change.number(), reachedTarget(change));
        }
    }

    /** Every metric of the slice, named {@code by} and {@code key}, in the order of docs/metrics.md. */
    List<MetricRow> compute(String by, String key) {
        this.by = by;
        this.key = key;
        var rows = new ArrayList<MetricRow>();
        var inPeriod = deployments.stream().filter(d -> d.counts() && window.contains(d.reportedAt())).toList();
        var toTarget = inPeriod.stream().filter(d -> window.isTarget(d.environment())).toList();
        long targetSucceeded = toTarget.stream().filter(DeploymentFact::succeeded).count();
        long succeeded = inPeriod.stream().filter(DeploymentFact::succeeded).count();
        rows.add(row("deployment_frequency", targetSucceeded / window.weeks(), targetSucceeded));

        var leadCohort = changes.stream().filter(c -> window.contains(firstTargetDeployment(c))).toList();
        var leadTimes = leadCohort.stream().map(c -> hours(leadStart(c), firstTargetDeployment(c))).toList();
        rows.add(row("lead_time_median_hours", Percentiles.of(leadTimes, 50), leadTimes.size()));
        rows.add(row("lead_time_p90_hours", Percentiles.of(leadTimes, 90), leadTimes.size()));

        var deployedChanges = changes.stream().filter(this::deployedToTargetInPeriod).toList();
        long failedChanges = deployedChanges.stream().filter(this::failedInTarget).count();
        rows.add(row("change_failure_rate", ratio(failedChanges, deployedChanges.size()), deployedChanges.size()));

        var recoveries = new ArrayList<Double>();
        toTarget.stream().filter(DeploymentFact::failed).forEach(f -> nextSuccess(f).ifPresent(s ->
                recoveries.add(hours(f.reportedAt(), s.reportedAt()))));
        rows.add(row("recovery_time_median_hours", Percentiles.of(recoveries, 50), recoveries.size()));

        var finished = changes.stream().filter(c -> window.contains(c.finishedAt())).toList();
        long rolledBack = finished.stream().filter(c -> ChangeFact.ROLLED_BACK.equals(c.outcome())).count();
        long completed = finished.stream().filter(c -> ChangeFact.COMPLETED.equals(c.outcome())).count();
        rows.add(row("rollback_rate", ratio(rolledBack, finished.size()), finished.size()));
        rows.add(row("change_success_rate", ratio(completed, finished.size()), finished.size()));

        var approvals = changes.stream().filter(c -> window.contains(c.fullyApprovedAt()))
                .map(c -> hours(c.requestedAt(), c.fullyApprovedAt())).toList();
        rows.add(row("approval_latency_median_hours", Percentiles.of(approvals, 50), approvals.size()));
        rows.add(row("approval_latency_p90_hours", Percentiles.of(approvals, 90), approvals.size()));
        var firstApprovals = changes.stream().filter(c -> window.contains(c.firstApprovalAt()))
                .map(c -> hours(c.requestedAt(), c.firstApprovalAt())).toList();
        rows.add(row("first_approval_median_hours", Percentiles.of(firstApprovals, 50), firstApprovals.size()));
        rows.add(row("first_approval_p90_hours", Percentiles.of(firstApprovals, 90), firstApprovals.size()));
        var stepWaits = changes.stream().flatMap(c -> StepWait.of(c).stream())
                .filter(w -> window.contains(w.completedAt())).map(StepWait::hours).toList();
        rows.add(row("approval_step_median_hours", Percentiles.of(stepWaits, 50), stepWaits.size()));
        rows.add(row("approval_step_p90_hours", Percentiles.of(stepWaits, 90), stepWaits.size()));

        rows.add(count("window_overrides", changes.stream().filter(c -> window.contains(c.overrideAt())).count()));
        var succeededInPeriod = inPeriod.stream().filter(DeploymentFact::succeeded).toList();
        rows.add(count("unauthorized_deployments", succeededInPeriod.stream().filter(d -> !d.covered()).count()));
        rows.add(count("approval_bypasses", succeededInPeriod.stream().filter(DeploymentFact::bypassedApproval).count()));

        var requested = changes.stream().filter(c -> window.contains(c.requestedAt())).toList();
        long emergencies = requested.stream().filter(ChangeFact::emergency).count();
        rows.add(row("emergency_ratio", ratio(emergencies, requested.size()), requested.size()));

        var met = changes.stream().flatMap(c -> c.followUps().stream()).filter(f -> window.contains(f.satisfiedAt())).toList();
        rows.add(count("follow_ups_on_time", met.stream().filter(f -> !f.satisfiedAt().isAfter(f.dueAt())).count()));
        rows.add(count("follow_ups_late", met.stream().filter(f -> f.satisfiedAt().isAfter(f.dueAt())).count()));
        rows.add(count("follow_ups_overdue_now", changes.stream().flatMap(c -> c.followUps().stream())
                .filter(f -> f.satisfiedAt() == null && window.contains(f.dueAt()) && f.dueAt().isBefore(window.now()))
                .count()));
        rows.add(count("soak_aborts", finished.stream().filter(ChangeFact::soakAborted).count()));
        rows.add(row("deployments_per_week", succeeded / window.weeks(), succeeded));

        var toDeploy = leadCohort.stream().filter(c -> c.fullyApprovedAt() != null)
                .map(c -> hours(c.fullyApprovedAt(), firstTargetDeployment(c))).toList();
        rows.add(row("mean_time_to_deploy_hours", Percentiles.mean(toDeploy), toDeploy.size()));
        return rows;
    }

    private Instant firstTargetDeployment(ChangeFact change) {
        return reachedTarget.get(change.number());
    }

    /**
     * The first time the change reached the target: its first ChangeDeployed there or the first
     * successful report of it there, any rollout step (25 % is in production), whichever came first.
     */
    private Instant reachedTarget(ChangeFact change) {
        var fromEvent = window.isTarget(MetricsWindow.PRODUCTION) ? change.productionDeployedAt() : null;
        var fromReports = ofChange(change).filter(d -> window.isTarget(d.environment()) && d.reached())
                .map(DeploymentFact::reportedAt).min(Comparator.naturalOrder()).orElse(null);
        if (fromEvent == null || fromReports == null) {
            return fromEvent != null ? fromEvent : fromReports;
        }
        return fromEvent.isBefore(fromReports) ? fromEvent : fromReports;
    }

    /**
     * Where the change's lead time starts: the earliest commit or pull-request time its pipelines
     * reported, when there is one before it reached the target; its request otherwise.
     */
    private Instant leadStart(ChangeFact change) {
        var reached = firstTargetDeployment(change);
        return ofChange(change).map(DeploymentFact::codeAt).filter(Objects::nonNull)
                .filter(code -> !code.isAfter(reached)).min(Comparator.naturalOrder()).orElse(change.requestedAt());
    }

    private boolean deployedToTargetInPeriod(ChangeFact change) {
        return window.contains(firstTargetDeployment(change)) || ofChange(change)
                .anyMatch(d -> d.counts() && window.isTarget(d.environment()) && window.contains(d.reportedAt()));
    }

    /**
     * It ended rolled back or failed, caused an incident (linked as its cause), or a deployment of it to
     * the target failed or was rolled back.
     */
    private boolean failedInTarget(ChangeFact change) {
        return change.failed() || change.causedIncident() || ofChange(change).anyMatch(d -> d.failed() && window.isTarget(d.environment()));
    }

    private java.util.stream.Stream<DeploymentFact> ofChange(ChangeFact change) {
        return byChange.getOrDefault(change.number(), List.of()).stream();
    }

    /** The next successful deployment of the same service to the same environment after a failed one. */
    private java.util.Optional<DeploymentFact> nextSuccess(DeploymentFact failed) {
        var sameTarget = successes.get(java.util.Arrays.asList(failed.service(), failed.environment()));
        return sameTarget == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(sameTarget.higherEntry(failed.reportedAt())).map(java.util.Map.Entry::getValue);
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 3600.0;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private MetricRow row(String metric, Double value, long samples) {
        return new MetricRow(metric, by, key, value, samples);
    }

    private MetricRow count(String metric, long count) {
        return new MetricRow(metric, by, key, (double) count, count);
    }
}
