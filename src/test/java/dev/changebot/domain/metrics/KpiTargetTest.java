package dev.changebot.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** KPI targets judged on a fixed set of measured values, in the words a report shows. */
class KpiTargetTest {

    private static final KpiTarget ROLLBACK_RATE = KpiTarget.overall("rollback-rate", "Rollback rate",
            MetricId.ROLLBACK_RATE, Comparison.BELOW, 0.03, KpiPeriod.MONTH);
    private static final KpiTarget SUCCESS_RATE = KpiTarget.overall("success", "Change success rate",
            MetricId.CHANGE_SUCCESS_RATE, Comparison.ABOVE, 0.95, KpiPeriod.QUARTER);
    private static final KpiTarget DEPLOYS = KpiTarget.overall("deploys", "Deployments per week",
            MetricId.DEPLOYMENTS_PER_WEEK, Comparison.AT_LEAST, 10, KpiPeriod.QUARTER);
    private static final KpiTarget BYPASSES = KpiTarget.overall("bypasses", "Approval bypasses",
            MetricId.APPROVAL_BYPASSES, Comparison.EQUAL, 0, KpiPeriod.MONTH);
    private static final KpiTarget STANDARD_LEAD_TIME = new KpiTarget("lead-time", "Lead time",
            MetricId.LEAD_TIME_MEDIAN_HOURS, Comparison.BELOW, 4, KpiPeriod.MONTH,
            Optional.of("standard"), Optional.of("api"), Optional.of("production"));

    private static final Map<String, Optional<Double>> MEASURED = Map.of(
            "rollback_rate", Optional.of(0.021),
            "change_success_rate", Optional.of(0.95),
            "deployments_per_week", Optional.of(10.0),
            "approval_bypasses", Optional.of(2.0),
            "lead_time_median_hours", Optional.of(1.0),
            "lead_time_median_hours{class=standard,service=api,environment=production}", Optional.of(5.25));

    @Test
    @DisplayName("a rate below its target is met, and reads as percentages")
    void rateMet() {
        var verdict = ROLLBACK_RATE.evaluate(MEASURED);

        assertThat(verdict.outcome()).isEqualTo(KpiVerdict.Outcome.MET);
        assertThat(verdict.sentence()).isEqualTo("Rollback rate 2.1 % — target < 3 %: met");
    }

    @Test
    @DisplayName("a value exactly at a strict target misses it; at an inclusive target meets it")
    void boundaries() {
        assertThat(SUCCESS_RATE.evaluate(MEASURED).sentence()).isEqualTo("Change success rate 95 % — target > 95 %: missed");
        assertThat(DEPLOYS.evaluate(MEASURED).sentence()).isEqualTo("Deployments per week 10 a week — target >= 10 a week: met");
    }

    @Test
    @DisplayName("a count that must be zero is missed by any occurrence")
    void countMissed() {
        var verdict = BYPASSES.evaluate(MEASURED);

        assertThat(verdict.outcome()).isEqualTo(KpiVerdict.Outcome.MISSED);
        assertThat(verdict.value()).contains(2.0);
        assertThat(verdict.sentence()).isEqualTo("Approval bypasses 2 — target = 0: missed");
    }

    @Test
    @DisplayName("a scoped target is judged on its scope's value, not the overall one")
    void scoped() {
        assertThat(STANDARD_LEAD_TIME.valueKey())
                .isEqualTo("lead_time_median_hours{class=standard,service=api,environment=production}");

        var verdict = STANDARD_LEAD_TIME.evaluate(MEASURED);

        assertThat(verdict.outcome()).isEqualTo(KpiVerdict.Outcome.MISSED);
        assertThat(verdict.sentence())
                .isEqualTo("Lead time for standard changes to api in production 5.3 h — target < 4 h: missed");
    }

    @Test
    @DisplayName("nothing measured in the period is neither met nor missed")
    void noData() {
        var failures = KpiTarget.overall("failures", "Change failure rate", MetricId.CHANGE_FAILURE_RATE,
                Comparison.BELOW, 0.05, KpiPeriod.MONTH);
        var empty = Map.of("change_failure_rate", Optional.<Double>empty());

        assertThat(failures.evaluate(MEASURED).outcome()).isEqualTo(KpiVerdict.Outcome.NO_DATA);
        assertThat(failures.evaluate(empty).sentence()).isEqualTo("Change failure rate — target < 5 %: no data");
        assertThat(failures.evaluate(Map.of("change_failure_rate", Optional.of(Double.NaN))).outcome())
                .isEqualTo(KpiVerdict.Outcome.NO_DATA);
    }

    @Test
    @DisplayName("every metric has its id, and comparisons parse from their symbols and words")
    void idsAndComparisons() {
        assertThat(MetricId.ids()).hasSize(23).contains("mean_time_to_deploy_hours", "follow_ups_overdue_now", "approval_step_p90_hours");
        assertThat(MetricId.byId("emergency_ratio")).contains(MetricId.EMERGENCY_RATIO);
        assertThat(MetricId.byId("rollbacks")).isEmpty();
        assertThat(Comparison.parse(">=")).contains(Comparison.AT_LEAST);
        assertThat(Comparison.parse("le")).contains(Comparison.AT_MOST);
        assertThat(Comparison.parse("==")).contains(Comparison.EQUAL);
        assertThat(Comparison.parse("=>")).isEmpty();
        assertThat(Comparison.AT_MOST.holds(0.05, 5 / 100.0)).isTrue();
    }
}
