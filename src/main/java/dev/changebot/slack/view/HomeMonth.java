package dev.changebot.slack.view;

import dev.changebot.application.metrics.MonthSoFar;
import dev.changebot.domain.metrics.KpiVerdict;
import dev.changebot.domain.metrics.MetricId;

/** The App Home's "this month so far": a few numbers and the targets missed, in one section. */
final class HomeMonth {

    private HomeMonth() {
    }

    static String text(MonthSoFar.Summary summary) {
        var report = summary.report();
        var text = new StringBuilder();
        for (var metric : new MetricId[] {MetricId.DEPLOYMENTS_PER_WEEK, MetricId.LEAD_TIME_MEDIAN_HOURS,
                MetricId.CHANGE_FAILURE_RATE, MetricId.FOLLOW_UPS_OVERDUE_NOW}) {
            var row = report.overall().stream().filter(r -> r.metric().equals(metric.id())).findFirst();
            text.append("*").append(metric.label()).append(":* ")
                    .append(row.filter(r -> r.hasData()).map(r -> metric.unit().format(r.value())).orElse("no data"))
                    .append('\n');
        }
        long missed = summary.targets().stream().filter(v -> v.outcome() == KpiVerdict.Outcome.MISSED).count();
        if (!summary.targets().isEmpty()) {
            text.append("*Targets:* ").append(missed == 0 ? "none missed so far" : missed + " of "
                    + summary.targets().size() + " missed so far").append('\n');
        }
        text.append("As of ").append(Mrkdwn.time(summary.computedAt())).append(". `/change report` for the whole picture.");
        return Cut.mrkdwn(text.toString(), SlackLimits.SECTION_TEXT);
    }
}
