package dev.changebot.domain.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The wait per approval step broken down by step ("normal step 2": class and place in its chain)
 * and by role (the role an approval counted for; a step approved by two roles counts for both):
 * where in the chain changes wait, and on whom.
 */
final class StepBreakdown {

    static final String BY_STEP = "step";
    static final String BY_ROLE = "role";

    private StepBreakdown() {
    }

    static List<MetricRow> rows(MetricFacts facts, MetricsWindow window) {
        var waits = facts.changes().stream().flatMap(c -> StepWait.of(c).stream())
                .filter(w -> window.contains(w.completedAt())).toList();
        var rows = new ArrayList<MetricRow>();
        rows.addAll(sliced(BY_STEP, waits, w -> List.of(w.stepKey())));
        rows.addAll(sliced(BY_ROLE, waits, w -> w.roles().isEmpty() ? List.of("none") : w.roles()));
        return rows;
    }

    private static List<MetricRow> sliced(String by, List<StepWait> waits, Function<StepWait, List<String>> keys) {
        var byKey = new TreeMap<String, List<Double>>();
        for (var wait : waits) {
            keys.apply(wait).forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(wait.hours()));
        }
        var rows = new ArrayList<MetricRow>();
        for (Map.Entry<String, List<Double>> entry : byKey.entrySet()) {
            var hours = entry.getValue();
            rows.add(new MetricRow("approval_step_median_hours", by, entry.getKey(), Percentiles.of(hours, 50), hours.size()));
            rows.add(new MetricRow("approval_step_p90_hours", by, entry.getKey(), Percentiles.of(hours, 90), hours.size()));
        }
        return rows;
    }
}
