package dev.changebot.domain.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report's numbers keyed as KPI targets look them up ({@link KpiTarget#valueKey()}): the metric's
 * id for everything, {@code id{class=standard}} for one class, service or environment. A target
 * scoped to two at once (a class and a service) finds no value: the report breaks down by one.
 */
public final class KpiValues {

    private KpiValues() {
    }

    public static Map<String, Optional<Double>> of(MetricsReport report) {
        var values = new HashMap<String, Optional<Double>>();
        for (var row : report.rows()) {
            var key = row.by().equals(MetricRow.ALL) ? row.metric() : row.metric() + "{" + row.by() + "=" + row.key() + "}";
            values.put(key, Optional.ofNullable(row.value()));
        }
        return values;
    }

    /** Each target judged on the report. */
    public static List<KpiVerdict> judge(List<KpiTarget> targets, MetricsReport report) {
        var values = of(report);
        return targets.stream().map(target -> target.evaluate(values)).toList();
    }
}
