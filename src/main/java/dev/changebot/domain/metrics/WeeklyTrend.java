package dev.changebot.domain.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report's chart shows, week by week through the span: deployments to the target
 * environment by outcome, and the median lead time of the changes that reached it that week; and,
 * over the whole span, how long each approval step waited (by class and place in the chain, with the
 * roles that approved it). Weeks start on
 * the span's first day, in the policy's zone; the last may be shorter.
 */
public record WeeklyTrend(List<Week> weeks, List<StepLatency> approvalLatency) {

    /** A week from {@code start}: deployments by outcome; {@code leadTimeMedianHours} null when no change reached the target. */
    public record Week(LocalDate start, int succeeded, int failed, int rolledBack, Double leadTimeMedianHours) {
    }

    /** The median wait of one approval step ("normal step 1") done in the span, and the roles that approved it. */
    public record StepLatency(String step, List<String> roles, double medianHours) {

        public StepLatency {
            roles = List.copyOf(roles);
        }
    }

    public WeeklyTrend {
        weeks = List.copyOf(weeks);
        approvalLatency = List.copyOf(approvalLatency);
    }

    public static WeeklyTrend of(MetricFacts facts, MetricsWindow window) {
        var zone = ZoneId.of(window.zone());
        var weeks = new ArrayList<Week>();
        var first = window.from().atZone(zone).toLocalDate();
        for (var day = first; day.atStartOfDay(zone).toInstant().isBefore(window.until()); day = day.plusWeeks(1)) {
            var from = day.atStartOfDay(zone).toInstant();
            var to = min(day.plusWeeks(1).atStartOfDay(zone).toInstant(), window.until());
            weeks.add(week(facts, window, day, from, to));
        }
        var byStep = new TreeMap<String, List<Double>>();
        var rolesByStep = new TreeMap<String, java.util.TreeSet<String>>();
        facts.changes().stream().flatMap(c -> StepWait.of(c).stream()).filter(w -> window.contains(w.completedAt()))
                .forEach(w -> {
                    byStep.computeIfAbsent(w.stepKey(), k -> new ArrayList<>()).add(w.hours());
                    rolesByStep.computeIfAbsent(w.stepKey(), k -> new java.util.TreeSet<>()).addAll(w.roles());
                });
        var latency = new ArrayList<StepLatency>();
        for (Map.Entry<String, List<Double>> entry : byStep.entrySet()) {
            latency.add(new StepLatency(entry.getKey(), List.copyOf(rolesByStep.get(entry.getKey())),
                    Percentiles.of(entry.getValue(), 50)));
        }
        return new WeeklyTrend(weeks, latency);
    }

    private static Week week(MetricFacts facts, MetricsWindow window, LocalDate start, Instant from, Instant to) {
        int succeeded = 0;
        int failed = 0;
        int rolledBack = 0;
        for (var deployment : facts.deployments()) {
            boolean inWeek = !deployment.reportedAt().isBefore(from) && deployment.reportedAt().isBefore(to);
            if (!inWeek || !deployment.counts() || !window.isTarget(deployment.environment())) {
                continue;
            }
            if (deployment.succeeded()) {
                succeeded++;
            } else if ("rolled_back".equals(deployment.status())) {
                rolledBack++;
            } else {
                failed++;
            }
        }
        var leadTimes = new ArrayList<Double>();
        for (var change : facts.changes()) {
            var deployed = change.productionDeployedAt();
            if (deployed != null && !deployed.isBefore(from) && deployed.isBefore(to)) {
                leadTimes.add(hours(change.requestedAt(), deployed));
            }
        }
        return new Week(start, succeeded, failed, rolledBack, Percentiles.of(leadTimes, 50));
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 3600.0;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
