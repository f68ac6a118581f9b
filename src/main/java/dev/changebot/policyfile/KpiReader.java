package dev.changebot.policyfile;

import dev.changebot.domain.metrics.Comparison;
import dev.changebot.domain.metrics.KpiPeriod;
import dev.changebot.domain.metrics.KpiTarget;
import dev.changebot.domain.metrics.MetricId;
import dev.changebot.domain.metrics.MetricUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code kpis:} — the numbers the policy asks for, each a metric compared to a threshold over a
 * period, optionally for one class, service or environment. Rates may be written "5%" or 0.05.
 */
final class KpiReader {

    private static final Set<String> KEYS = Set.of("name", "label", "metric", "comparison", "threshold", "period",
            "class", "service", "environment");
    private static final String NAME = "[a-z0-9][a-z0-9_-]*";

    private final Problems problems;
    private final References references;

    KpiReader(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
    }

    List<KpiTarget> read(YamlMap top) {
        var targets = new ArrayList<KpiTarget>();
        var names = new HashSet<String>();
        for (var kpi : top.maps("kpis")) {
            kpi.allowOnly(KEYS);
            var name = kpi.requiredString("name", "a short id for the target, e.g. name: rollback-rate");
            name.filter(n -> !n.matches(NAME)).ifPresent(n -> problems.at(kpi.get("name").orElseThrow(),
                    "KPI name '" + n + "' is not lower-case letters, digits and dashes", "e.g. rollback-rate"));
            name.filter(n -> n.matches(NAME) && !names.add(n)).ifPresent(n -> problems.at(kpi.get("name").orElseThrow(),
                    "KPI '" + n + "' is defined twice", "give each target its own name"));
            var metric = kpi.requiredString("metric", "the metric it measures, e.g. metric: rollback_rate")
                    .flatMap(m -> metric(m, kpi));
            var comparison = kpi.requiredString("comparison", "how the value must stand, e.g. comparison: \"<\"")
                    .flatMap(c -> comparison(c, kpi));
            var threshold = kpi.requiredString("threshold", "the number to compare with, e.g. threshold: 5%")
                    .flatMap(t -> threshold(t, metric, kpi));
            var period = kpi.string("period").map(p -> period(p, kpi)).orElse(Optional.of(KpiPeriod.MONTH));
            var changeClass = scoped(kpi, "class");
            changeClass.ifPresent(references::changeClass);
            var service = scoped(kpi, "service");
            service.ifPresent(references::service);
            var environment = scoped(kpi, "environment");
            environment.ifPresent(references::environment);
            if (name.isPresent() && metric.isPresent() && comparison.isPresent() && threshold.isPresent()
                    && period.isPresent()) {
                targets.add(new KpiTarget(name.get(), kpi.string("label").orElse(metric.get().label()), metric.get(),
                        comparison.get(), threshold.get(), period.get(), changeClass.map(YamlMap.Named::text),
                        service.map(YamlMap.Named::text), environment.map(YamlMap.Named::text)));
            }
        }
        return targets;
    }

    private Optional<MetricId> metric(String text, YamlMap kpi) {
        var metric = MetricId.byId(text);
        if (metric.isEmpty()) {
            problems.at(kpi.get("metric").orElseThrow(), "unknown metric '" + text + "'",
                    Suggestions.hint(text, MetricId.ids(), "metrics") + " (see docs/policy.md, kpis)");
        }
        return metric;
    }

    private Optional<Comparison> comparison(String text, YamlMap kpi) {
        var comparison = Comparison.parse(text);
        if (comparison.isEmpty()) {
            problems.at(kpi.get("comparison").orElseThrow(), "'" + kpi.child("comparison") + "' must be one of "
                    + String.join(", ", Comparison.written()) + ", not '" + text + "'",
                    "quote it, e.g. comparison: \">=\" (a bare > starts folded text in YAML), or write lt, le, gt, ge, eq");
        }
        return comparison;
    }

    /** A number in the metric's unit; a rate is a fraction 0..1, or a percentage written with '%'. */
    private Optional<Double> threshold(String text, Optional<MetricId> metric, YamlMap kpi) {
        Node node = kpi.get("threshold").orElseThrow();
        var percent = text.endsWith("%");
        double number;
        try {
            number = Double.parseDouble(percent ? text.substring(0, text.length() - 1).strip() : text);
        } catch (NumberFormatException notANumber) {
            problems.at(node, "'" + kpi.child("threshold") + "' must be a number, not '" + text + "'",
                    "e.g. threshold: 5% for a rate, 4 for hours, 0 for a count");
            return Optional.empty();
        }
        if (number < 0 || Double.isNaN(number) || Double.isInfinite(number)) {
            problems.at(node, "'" + kpi.child("threshold") + "' must be zero or more, not '" + text + "'", "");
            return Optional.empty();
        }
        var rate = metric.map(m -> m.unit() == MetricUnit.RATE);
        if (percent && rate.isPresent() && !rate.get()) {
            problems.at(node, "'" + kpi.child("threshold") + "' is a percentage but " + metric.get().id()
                    + " is not a rate", "write the number in the metric's unit, e.g. hours or a count");
            return Optional.empty();
        }
        var value = percent ? number / 100 : number;
        if (rate.orElse(false) && value > 1) {
            problems.at(node, "'" + kpi.child("threshold") + "' is a rate above 100%: '" + text + "'",
                    "write a rate as a percentage (5%) or a fraction (0.05)");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<KpiPeriod> period(String text, YamlMap kpi) {
        var period = KpiPeriod.parse(text);
        if (period.isEmpty()) {
            problems.at(kpi.get("period").orElseThrow(), "'" + kpi.child("period") + "' must be "
                    + String.join(", ", KpiPeriod.words()) + ", not '" + text + "'",
                    Suggestions.hint(text, KpiPeriod.words(), "periods"));
        }
        return period;
    }

    private static Optional<YamlMap.Named> scoped(YamlMap kpi, String key) {
        return kpi.string(key).map(text -> new YamlMap.Named(text, kpi.get(key).orElseThrow()));
    }
}
