package dev.changebot.application.metrics;

import dev.changebot.domain.metrics.KpiValues;
import dev.changebot.domain.metrics.KpiVerdict;
import dev.changebot.domain.metrics.MetricsReport;
import dev.changebot.domain.metrics.MetricsWindow;
import dev.changebot.domain.metrics.WeeklyTrend;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/**
 * The report people read in Slack: a period's numbers ({@link ReportMetrics}), the policy's targets
 * judged on them, and the week-by-week trend its chart draws. Without a period, the last full month
 * in the policy's zone.
 */
@Singleton
public class ReportWithTrend {

    private final ReportMetrics metrics;
    private final Policy policy;
    private final Clock clock;

    public ReportWithTrend(ReportMetrics metrics, Policy policy, Clock clock) {
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
    }

    /** The report, its targets and its trend; or why not, in the words the person reads. */
    public sealed interface Result {
    }

    public record Ready(MetricsReport report, List<KpiVerdict> targets, WeeklyTrend trend) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    /** The period as typed ("2026-11", "2026-Q4", blank for last month), checked before any work. */
    public String periodOrLastMonth(String typed) {
        if (typed != null && !typed.isBlank()) {
            return typed.strip();
        }
        return YearMonth.from(clock.instant().atZone(policy.zone())).minusMonths(1).toString();
    }

    public Result prepare(String workspaceId, String period) {
        var result = metrics.period(workspaceId, period, MetricsWindow.PRODUCTION);
        if (result instanceof ReportMetrics.Refused refused) {
            return new Refused(refused.reason());
        }
        var reported = (ReportMetrics.Reported) result;
        var report = reported.report();
        // The same snapshot as the numbers: read once, so the chart cannot disagree with the summary.
        var trend = WeeklyTrend.of(reported.facts(), report.window());
        return new Ready(report, KpiValues.judge(policy.kpis(), report), trend);
    }
}
