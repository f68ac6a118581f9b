package dev.changebot.persistence.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.changebot.application.metrics.ReportMetrics;
import dev.changebot.domain.metrics.MetricRow;
import dev.changebot.domain.metrics.MetricsReport;
import dev.changebot.support.MetricsHistory;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Every metric of docs/metrics.md on the hand-built November 2026 of {@link MetricsHistory}, read
 * from PostgreSQL, in Europe/Berlin, on 3 December. Expected values are worked out here by hand.
 * The month is [2026-10-31T23:00Z, 2026-11-30T23:00Z): 30 days, 30/7 weeks.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsHistoryTest {

    private static final Clock DEC_3 = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private static final double WEEKS = 30 / 7.0;

    private MetricsReport november;
    private TestDatabase db;

    @BeforeAll
    void record() {
        db = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();
        MetricsHistory.november2026(db);
        november = report("2026-11");
    }

    private ReportMetrics metrics() {
        var reader = new JdbcMetricsDatabase().at(db.url(), db.user(), db.password());
        return new ReportMetrics(reader, ZoneId.of("Europe/Berlin"), DEC_3);
    }

    private MetricsReport report(String period) {
        var result = metrics().period(MetricsHistory.WORKSPACE, period, "production");
        assertThat(result).isInstanceOf(ReportMetrics.Reported.class);
        return ((ReportMetrics.Reported) result).report();
    }

    private double value(String metric) {
        var row = november.overall(metric);
        assertThat(row.value()).as(metric).isNotNull();
        return row.value();
    }

    @Test
    @DisplayName("DORA keys: rollout steps are one deployment, the first step starts the lead time, rollbacks fail the change")
    void doraKeys() {
        // Production successes in the month: CHG-1 (11-02), CHG-2's 100 % step (its 25 % and 50 % are the same
        // deployment under way), CHG-3 (before its rollback), CHG-4, CHG-6, the uncovered one on 11-25, CHG-1's
        // redeploy at 23:30 Berlin on 30 November = 7; CHG-1's at 00:30 Berlin on 1 December is December's.
        assertThat(value("deployment_frequency")).isCloseTo(7 / WEEKS, within(1e-9));
        assertThat(november.overall("deployment_frequency").samples()).isEqualTo(7);
        // Lead start -> first production success: CHG-1 4 h, CHG-2 2 h (its 25 % step), CHG-3 2 h (the commit time
        // of its rollback came after it reached production: its request stands), CHG-4 7 h (from its commit at
        // 04:00, the earlier of commit and PR times, not its request at 08:00), CHG-6 3 h; CHG-5 only failed.
        // Sorted 2,2,3,4,7: nearest-rank p50 is the 3rd (3), p90 the 5th (7).
        assertThat(value("lead_time_median_hours")).isEqualTo(3.0);
        assertThat(value("lead_time_p90_hours")).isEqualTo(7.0);
        assertThat(november.of("lead_time_median_hours", "class", "standard")).get().extracting(MetricRow::value)
                .isEqualTo(7.0);
        assertThat(november.overall("lead_time_median_hours").samples()).isEqualTo(5);
        // Changes deployed to production in the month: CHG-1..6; failed: CHG-3 (rolled back after success), CHG-5.
        assertThat(value("change_failure_rate")).isCloseTo(2 / 6.0, within(1e-9));
        // web's rollback 11-05 11:00 -> CHG-4's success 11-06 11:00: 24 h; api's failure 11-10 10:00 -> CHG-6's
        // success 11-12 10:00: 48 h. Nearest-rank median of 24, 48 is 24.
        assertThat(value("recovery_time_median_hours")).isEqualTo(24.0);
        assertThat(november.overall("recovery_time_median_hours").samples()).isEqualTo(2);
        // Fully approved -> first production: CHG-1 2 h, CHG-2 1.5 h, CHG-3 1 h, CHG-4 3 h (pre-approved); CHG-6 never.
        assertThat(value("mean_time_to_deploy_hours")).isCloseTo(7.5 / 4, within(1e-9));
    }

    @Test
    @DisplayName("process metrics: outcomes, approvals, overrides, bypasses, emergencies, follow-ups, soak aborts")
    void processMetrics() {
        // Finished in the month: CHG-1, 2, 4, 6 completed, CHG-3 rolled back, CHG-5 failed.
        assertThat(value("rollback_rate")).isCloseTo(1 / 6.0, within(1e-9));
        assertThat(value("change_success_rate")).isCloseTo(4 / 6.0, within(1e-9));
        // Request -> fully approved: CHG-4 0 (pre-approved), CHG-2 0.5, CHG-3 1, CHG-5 1, CHG-1 2, CHG-7 2: 3rd is 1.
        assertThat(value("approval_latency_median_hours")).isEqualTo(1.0);
        assertThat(november.overall("approval_latency_median_hours").samples()).isEqualTo(6);
        assertThat(value("approval_latency_p90_hours")).isEqualTo(2.0);
        // Request -> first approval (a pre-approval is none): CHG-2 0.5, CHG-1 1, CHG-3 1, CHG-5 1, CHG-7 2.
        assertThat(value("first_approval_median_hours")).isEqualTo(1.0);
        assertThat(november.overall("first_approval_median_hours").samples()).isEqualTo(5);
        assertThat(value("first_approval_p90_hours")).isEqualTo(2.0);
        assertThat(value("window_overrides")).isEqualTo(1);          // CHG-5
        assertThat(value("unauthorized_deployments")).isEqualTo(1);  // web on 11-25, no change named
        assertThat(value("approval_bypasses")).isEqualTo(2);         // that one, and emergency CHG-6 never approved
        // Requested in the month: CHG-1..8 (CHG-8 at 00:30 Berlin on 1 November); CHG-9 and 10 fall outside.
        assertThat(value("emergency_ratio")).isEqualTo(1 / 8.0);
        assertThat(november.overall("emergency_ratio").samples()).isEqualTo(8);
        // The standard changes requested: CHG-4; CHG-9 (23:30Z on 30 November) is 1 December in Berlin.
        assertThat(november.of("emergency_ratio", "class", "standard")).get().extracting(MetricRow::samples).isEqualTo(1L);
        // CHG-6: retrospective met a day early, post-mortem two days late, timeline due 11-20 still open;
        // "lessons" was met on 1 December in Berlin, "audit" is due in December.
        assertThat(value("follow_ups_on_time")).isEqualTo(1);
        assertThat(value("follow_ups_late")).isEqualTo(1);
        assertThat(value("follow_ups_overdue_now")).isEqualTo(1);
        assertThat(value("soak_aborts")).isEqualTo(1);               // CHG-3, rolled back before its soak ended
        // Every success in any environment: the 7 in production and CHG-7's in staging.
        assertThat(value("deployments_per_week")).isCloseTo(8 / WEEKS, within(1e-9));
        assertThat(november.noData()).isFalse();
    }

    @Test
    @DisplayName("the report names every metric of docs/metrics.md once, by the ids policies' kpis use")
    void metricIds() {
        assertThat(november.overall()).extracting(MetricRow::metric).containsExactly("deployment_frequency",
                "lead_time_median_hours", "lead_time_p90_hours", "change_failure_rate", "recovery_time_median_hours",
                "rollback_rate", "change_success_rate", "approval_latency_median_hours", "approval_latency_p90_hours",
                "first_approval_median_hours", "first_approval_p90_hours", "approval_step_median_hours",
                "approval_step_p90_hours", "window_overrides", "unauthorized_deployments", "approval_bypasses", "emergency_ratio",
                "follow_ups_on_time", "follow_ups_late", "follow_ups_overdue_now", "soak_aborts", "deployments_per_week",
                "mean_time_to_deploy_hours");
    }

    @Test
    @DisplayName("the wait of each approval step, overall, by step and by role")
    void approvalSteps() {
        // Steps done in the month: CHG-1 step 1 (tech-lead) 08:00 -> 09:00 and step 2 (sre) 09:00 -> 10:00;
        // step 1 of CHG-2 (tech-lead) 0.5 h, CHG-3 (tech-lead) 1 h, CHG-5 (sre) 1 h, CHG-7 (tech-lead) 2 h.
        // CHG-4 was pre-approved: no steps. Sorted 0.5,1,1,1,1,2: p50 the 3rd (1), p90 the 6th (2).
        assertThat(value("approval_step_median_hours")).isEqualTo(1.0);
        assertThat(value("approval_step_p90_hours")).isEqualTo(2.0);
        assertThat(november.overall("approval_step_median_hours").samples()).isEqualTo(6);
        var firstStep = november.of("approval_step_p90_hours", "step", "normal step 1").orElseThrow();
        assertThat(firstStep.value()).isEqualTo(2.0);
        assertThat(firstStep.samples()).isEqualTo(5);
        assertThat(november.of("approval_step_median_hours", "step", "normal step 2")).get()
                .extracting(MetricRow::value, MetricRow::samples).containsExactly(1.0, 1L);
        // tech-lead: 1, 0.5, 1, 2 -> p50 the 2nd (1), p90 the 4th (2); sre: 1, 1.
        assertThat(november.of("approval_step_median_hours", "role", "tech-lead")).get()
                .extracting(MetricRow::value, MetricRow::samples).containsExactly(1.0, 4L);
        assertThat(november.of("approval_step_p90_hours", "role", "tech-lead")).get()
                .extracting(MetricRow::value).isEqualTo(2.0);
        assertThat(november.of("approval_step_median_hours", "role", "sre")).get()
                .extracting(MetricRow::value, MetricRow::samples).containsExactly(1.0, 2L);
        assertThat(november.rows()).filteredOn(r -> r.by().equals("step") || r.by().equals("role"))
                .extracting(MetricRow::metric).containsOnly("approval_step_median_hours", "approval_step_p90_hours");
    }

    @Test
    @DisplayName("by class, service and environment")
    void breakdowns() {
        assertThat(november.of("approval_latency_median_hours", "class", "standard")).get()
                .extracting(MetricRow::value).isEqualTo(0.0);
        assertThat(november.of("first_approval_median_hours", "class", "standard")).get()
                .extracting(MetricRow::value).isNull();
        assertThat(november.of("emergency_ratio", "class", "emergency")).get().extracting(MetricRow::value).isEqualTo(1.0);
        // web in production: CHG-3, CHG-4 and the uncovered one.
        assertThat(november.of("deployment_frequency", "service", "web")).get().extracting(MetricRow::value)
                .isEqualTo(3 / WEEKS);
        assertThat(november.of("recovery_time_median_hours", "service", "api")).get().extracting(MetricRow::value)
                .isEqualTo(48.0);
        assertThat(november.of("deployments_per_week", "environment", "staging")).get().extracting(MetricRow::value)
                .isEqualTo(1 / WEEKS);
        assertThat(november.of("unauthorized_deployments", "class", "none")).get().extracting(MetricRow::value)
                .isEqualTo(1.0);
        // Production-only keys are not broken down by environment.
        assertThat(november.of("deployment_frequency", "environment", "staging")).isEmpty();
    }

    @Test
    @DisplayName("a month with no deployments is a report of zeros and no data; bad or future periods are refused")
    void emptyAndBadPeriods() {
        var september = report("2026-09");
        assertThat(september.noData()).isTrue();
        assertThat(september.overall("deployment_frequency").value()).isEqualTo(0.0);
        assertThat(september.overall("lead_time_median_hours").value()).isNull();
        assertThat(september.overall("change_failure_rate").value()).isNull();
        assertThat(september.overall("unauthorized_deployments").value()).isEqualTo(0.0);

        assertThat(refusal("2027-01")).contains("starts after today").contains("nothing to report yet");
        assertThat(refusal("2026-13")).contains("not a date in the calendar");
        assertThat(refusal("last month")).contains("not a period I can read");
    }

    private String refusal(String period) {
        var result = metrics().period(MetricsHistory.WORKSPACE, period, "production");
        assertThat(result).isInstanceOf(ReportMetrics.Refused.class);
        return ((ReportMetrics.Refused) result).reason();
    }
}
