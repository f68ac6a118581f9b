package dev.changebot.domain.metrics;

import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A number a policy asks for: "rollback rate below 3 % each quarter", optionally only for one
 * class of change, one service or one environment.
 *
 * @param name      the target's id in the policy, e.g. {@code rollback-rate}
 * @param label     how people read it, e.g. "Rollback rate"
 * @param threshold in the metric's unit: a fraction 0..1 for rates
 */
public record KpiTarget(
        String name,
        String label,
        MetricId metric,
        Comparison comparison,
        double threshold,
        KpiPeriod period,
        Optional<String> changeClass,
        Optional<String> service,
        Optional<String> environment) {

    public KpiTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(changeClass, "changeClass");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
    }

    /** A target over all changes. */
    public static KpiTarget overall(String name, String label, MetricId metric, Comparison comparison,
                                    double threshold, KpiPeriod period) {
        return new KpiTarget(name, label, metric, comparison, threshold, period,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The key of the measured value this target is judged on: the metric's id, followed by its
     * scope when it has one, e.g. {@code rollback_rate} or
     * {@code lead_time_median_hours{class=standard,service=api}} (class, service, environment, in that order).
     */
    public String valueKey() {
        var scope = new ArrayList<String>();
        changeClass.ifPresent(c -> scope.add("class=" + c));
        service.ifPresent(s -> scope.add("service=" + s));
        environment.ifPresent(e -> scope.add("environment=" + e));
        return scope.isEmpty() ? metric.id() : metric.id() + "{" + String.join(",", scope) + "}";
    }

    /** The scope in words, e.g. " for standard changes to api in production"; empty when unscoped. */
    public String scopeWords() {
        var words = new StringBuilder();
        changeClass.ifPresent(c -> words.append(" for ").append(c).append(" changes"));
        service.ifPresent(s -> words.append(changeClass.isPresent() ? " to " : " for ").append(s));
        environment.ifPresent(e -> words.append(" in ").append(e));
        return words.toString();
    }

    /** The target in words: "< 3 %". */
    public String targetWords() {
        return comparison.symbol() + " " + metric.unit().format(threshold);
    }

    /**
     * Judges this target on measured values keyed by {@link #valueKey()}: a key that is absent or
     * empty means nothing was measured (no changes in the period), which is neither met nor missed.
     */
    public KpiVerdict evaluate(Map<String, Optional<Double>> values) {
        var value = values.getOrDefault(valueKey(), Optional.empty()).filter(v -> !v.isNaN());
        if (value.isEmpty()) {
            return new KpiVerdict(this, KpiVerdict.Outcome.NO_DATA, Optional.empty());
        }
        var outcome = comparison.holds(value.get(), threshold) ? KpiVerdict.Outcome.MET : KpiVerdict.Outcome.MISSED;
        return new KpiVerdict(this, outcome, value);
    }
}
