package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.changebot.domain.metrics.KpiVerdict;
import dev.changebot.domain.metrics.MetricId;
import dev.changebot.domain.metrics.MetricRow;
import dev.changebot.domain.metrics.MetricsReport;
import dev.changebot.domain.metrics.WeeklyTrend;
import dev.changebot.report.ChartData;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * `/change report`'s summary as Block Kit: the DORA keys and the process numbers for the whole
 * period, each target of the policy met or missed, and what the chart below it draws. A period
 * with nothing in it says so, with zeros, rather than failing.
 */
public final class ReportMessage {

    /** The numbers the summary shows, in reading order: a section holds ten fields at most. */
    private static final List<MetricId> SHOWN = List.of(MetricId.DEPLOYMENT_FREQUENCY, MetricId.LEAD_TIME_MEDIAN_HOURS,
            MetricId.CHANGE_FAILURE_RATE, MetricId.RECOVERY_TIME_MEDIAN_HOURS, MetricId.ROLLBACK_RATE,
            MetricId.APPROVAL_LATENCY_MEDIAN_HOURS, MetricId.UNAUTHORIZED_DEPLOYMENTS, MetricId.APPROVAL_BYPASSES,
            MetricId.EMERGENCY_RATIO, MetricId.FOLLOW_UPS_OVERDUE_NOW);
    /** Targets listed; a policy with more points to the CSV. */
    static final int MAX_TARGETS = 15;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private ReportMessage() {
    }

    public static String fallbackText(MetricsReport report) {
        return "Change report " + report.window().label();
    }

    public static List<LayoutBlock> blocks(MetricsReport report, List<KpiVerdict> targets) {
        var blocks = new ArrayList<LayoutBlock>();
        blocks.add(header(h -> h.text(plainText(Cut.plain("Change report " + report.window().label(), SlackLimits.HEADER_TEXT)))));
        if (report.noData()) {
            blocks.add(section(s -> s.text(markdownText("No data in this period: nothing was requested, approved or"
                    + " deployed. Every count below is 0."))));
        }
        var fields = new ArrayList<TextObject>();
        for (var metric : SHOWN) {
            var row = report.overall().stream().filter(r -> r.metric().equals(metric.id())).findFirst();
            fields.add(markdownText("*" + metric.label() + "*\n" + row.map(r -> shown(metric, r)).orElse("no data")));
        }
        blocks.add(section(s -> s.fields(fields)));
        if (!targets.isEmpty()) {
            var lines = new StringBuilder("*Targets of the policy*");
            targets.stream().limit(MAX_TARGETS).forEach(v -> lines.append('\n').append(icon(v)).append(' ')
                    .append(Mrkdwn.escape(v.sentence())));
            if (targets.size() > MAX_TARGETS) {
                lines.append("\n…and ").append(targets.size() - MAX_TARGETS).append(" more in the CSV.");
            }
            blocks.add(section(s -> s.text(markdownText(Cut.mrkdwn(lines.toString(), SlackLimits.SECTION_TEXT)))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("Deployments are to " + report.window().target()
                + "; times in " + report.window().zone() + ". The chart and every number by class, service and"
                + " environment (CSV) follow in the thread. Definitions: docs/metrics.md.")))));
        return blocks;
    }

    /** The chart's data: the weeks labelled by their first day, the wait of each approval step with who approves it. */
    public static ChartData chart(MetricsReport report, WeeklyTrend trend) {
        var weeks = trend.weeks().stream().map(w -> new ChartData.Week(WEEK.format(w.start()), w.succeeded(), w.failed(),
                w.rolledBack(), w.leadTimeMedianHours())).toList();
        var latency = trend.approvalLatency().stream()
                .map(s -> new ChartData.StepLatency(s.roles().isEmpty() ? s.step()
                        : s.step() + " (" + String.join(", ", s.roles()) + ")", s.medianHours())).toList();
        return new ChartData(report.window().label(), weeks, latency);
    }

    private static String shown(MetricId metric, MetricRow row) {
        return row.hasData() ? metric.unit().format(row.value()) : "no data";
    }

    private static String icon(KpiVerdict verdict) {
        return switch (verdict.outcome()) {
            case MET -> ":white_check_mark:";
            case MISSED -> ":x:";
            case NO_DATA -> ":heavy_minus_sign:";
        };
    }
}
