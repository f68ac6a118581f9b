package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.metrics.Comparison;
import dev.changebot.domain.metrics.KpiPeriod;
import dev.changebot.domain.metrics.KpiTarget;
import dev.changebot.domain.metrics.MetricId;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A valid `kpis:` section as the domain reads it; a misspelt metric is pointed at. */
class KpisSectionTest {

    static final String POLICY = """
            version: 1
            id: targets
            environments: [staging, production]
            services:
              api: {}
            classes:
              standard: { pre_approved: true }
            kpis:
              - name: rollback-rate
                metric: rollback_rate
                comparison: "<"
                threshold: 3%
                period: quarter
              - name: failures
                label: Failure rate
                metric: change_failure_rate
                comparison: lt
                threshold: 0.05
              - name: standard-lead-time
                label: Lead time
                metric: lead_time_median_hours
                comparison: "<="
                threshold: 4
                class: standard
                service: api
                environment: production
            """;

    @Test
    @DisplayName("each target keeps its metric, comparison, threshold (a percentage as a fraction), period and scope")
    void readsTargets() {
        var policy = ((PolicyLoad.Loaded) PolicyReader.read("targets.yaml", POLICY)).policy();

        assertThat(policy.kpis()).containsExactly(
                KpiTarget.overall("rollback-rate", "Rollback rate", MetricId.ROLLBACK_RATE, Comparison.BELOW, 0.03,
                        KpiPeriod.QUARTER),
                KpiTarget.overall("failures", "Failure rate", MetricId.CHANGE_FAILURE_RATE, Comparison.BELOW, 0.05,
                        KpiPeriod.MONTH),
                new KpiTarget("standard-lead-time", "Lead time", MetricId.LEAD_TIME_MEDIAN_HOURS, Comparison.AT_MOST, 4,
                        KpiPeriod.MONTH, Optional.of("standard"), Optional.of("api"), Optional.of("production")));
    }

    @Test
    @DisplayName("a policy without kpis: has no targets")
    void noSection() {
        var policy = ((PolicyLoad.Loaded) PolicyReader.read("none.yaml", """
                version: 1
                id: none
                classes:
                  standard: { pre_approved: true }
                """)).policy();

        assertThat(policy.kpis()).isEmpty();
    }

    @Test
    @DisplayName("an unknown metric fails the check at its line and column, suggesting the closest metric")
    void unknownMetric() {
        var load = PolicyReader.read("typo.yaml", POLICY.replace("metric: change_failure_rate", "metric: change_failre_rate"));

        assertThat(load).isInstanceOfSatisfying(PolicyLoad.Invalid.class, invalid -> assertThat(invalid.problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(16);
                    assertThat(p.column()).isEqualTo(13);
                    assertThat(p.message()).isEqualTo("unknown metric 'change_failre_rate'");
                    assertThat(p.hint()).startsWith("did you mean 'change_failure_rate'?");
                }));
    }
}
