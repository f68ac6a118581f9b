package dev.changebot.domain.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The numbers of docs/metrics.md for one span, computed from recorded facts alone: for everything,
 * then by class, by service and by environment, and the wait per approval step by step and by role. A span with nothing in it is a report whose counts
 * are 0 and whose medians and rates are "no data", never an error.
 */
public record MetricsReport(MetricsWindow window, List<MetricRow> rows) {

    /** The keys of the DORA four, as `GET /api/v1/metrics/dora` answers them. */
    public static final List<String> DORA = List.of("deployment_frequency", "lead_time_median_hours",
            "lead_time_p90_hours", "change_failure_rate", "recovery_time_median_hours");

    /** Metrics that are about the target environment only: an environment breakdown says nothing more. */
    private static final List<String> TARGET_ONLY = List.of("deployment_frequency", "lead_time_median_hours",
            "lead_time_p90_hours", "change_failure_rate", "recovery_time_median_hours", "mean_time_to_deploy_hours");

    public MetricsReport {
        rows = List.copyOf(rows);
    }

    public static MetricsReport compute(MetricFacts facts, MetricsWindow window) {
        var rows = new ArrayList<>(new SliceMetrics(window, facts, c -> true, d -> true)
                .compute(MetricRow.ALL, MetricRow.ALL));
        breakdown(rows, "class", facts, window, ChangeFact::className, DeploymentFact::changeClass);
        breakdown(rows, "service", facts, window, ChangeFact::service, DeploymentFact::service);
        for (var row : breakdownRows("environment", facts, window, ChangeFact::environment, DeploymentFact::environment)) {
            if (!TARGET_ONLY.contains(row.metric())) {
                rows.add(row);
            }
        }
        rows.addAll(StepBreakdown.rows(facts, window));
        return new MetricsReport(window, rows);
    }

    /** Whether nothing at all happened in the span: no change moved, no deployment was reported. */
    public boolean noData() {
        return rows.stream().filter(r -> r.by().equals(MetricRow.ALL)).allMatch(r -> r.samples() == 0);
    }

    /** The rows for everything (by "all"). */
    public List<MetricRow> overall() {
        return rows.stream().filter(r -> r.by().equals(MetricRow.ALL)).toList();
    }

    public MetricRow overall(String metric) {
        return overall().stream().filter(r -> r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No metric " + metric));
    }

    /** One metric for one class, service or environment, if the span had it. */
    public java.util.Optional<MetricRow> of(String metric, String by, String key) {
        return rows.stream().filter(r -> r.metric().equals(metric) && r.by().equals(by) && r.key().equals(key)).findFirst();
    }

    private static void breakdown(List<MetricRow> rows, String by, MetricFacts facts, MetricsWindow window,
                                  Function<ChangeFact, String> ofChange, Function<DeploymentFact, String> ofDeployment) {
        rows.addAll(breakdownRows(by, facts, window, ofChange, ofDeployment));
    }

    /** One slice per value seen; "none" for changes and deployments without one (no service, no change). */
    private static List<MetricRow> breakdownRows(String by, MetricFacts facts, MetricsWindow window,
                                                 Function<ChangeFact, String> ofChange,
                                                 Function<DeploymentFact, String> ofDeployment) {
        var keys = new TreeSet<String>();
        facts.changes().forEach(c -> keys.add(named(ofChange.apply(c))));
        facts.deployments().forEach(d -> keys.add(named(ofDeployment.apply(d))));
        var rows = new ArrayList<MetricRow>();
        for (var key : keys) {
            rows.addAll(new SliceMetrics(window, facts, c -> Objects.equals(named(ofChange.apply(c)), key),
                    d -> Objects.equals(named(ofDeployment.apply(d)), key)).compute(by, key));
        }
        return rows;
    }

    private static String named(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }
}
