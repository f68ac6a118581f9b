package dev.changebot.application.metrics;

import dev.changebot.domain.metrics.KpiValues;
import dev.changebot.domain.metrics.KpiVerdict;
import dev.changebot.domain.metrics.MetricsReport;
import dev.changebot.domain.metrics.MetricsWindow;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This month's numbers so far, per workspace, as the App Home shows them. Computed in the
 * background every few minutes on each node and kept in memory: the Home is published on the
 * request path, where a month's report (seconds in a busy workspace) must never run.
 */
@Singleton
public class MonthSoFar {

    private static final Logger LOG = LoggerFactory.getLogger(MonthSoFar.class);

    /** One workspace's month so far, and when it was computed. */
    public record Summary(MetricsReport report, List<KpiVerdict> targets, Instant computedAt) {
    }

    private final ReportMetrics reports;
    private final MetricFactsReader facts;
    private final Policy policy;
    private final Clock clock;
    private final Map<String, Summary> latest = new ConcurrentHashMap<>();

    public MonthSoFar(ReportMetrics reports, MetricFactsReader facts, Policy policy, Clock clock) {
        this.reports = reports;
        this.facts = facts;
        this.policy = policy;
        this.clock = clock;
    }

    /** The last computed summary, if any yet. */
    public Optional<Summary> of(String workspaceId) {
        return Optional.ofNullable(latest.get(workspaceId));
    }

    /** Recomputes every workspace's month so far; a failure keeps the previous figures. */
    public void refresh() {
        var month = YearMonth.from(clock.instant().atZone(policy.zone())).toString();
        for (var workspace : facts.workspaces()) {
            try {
                var result = reports.period(workspace, month, MetricsWindow.PRODUCTION);
                if (result instanceof ReportMetrics.Reported reported) {
                    latest.put(workspace, new Summary(reported.report(),
                            KpiValues.judge(policy.kpis(), reported.report()), clock.instant()));
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not compute the month so far of {}; the App Home keeps the last figures", workspace, e);
            }
        }
    }
}
