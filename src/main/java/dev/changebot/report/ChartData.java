package dev.changebot.report;

import java.util.List;

/**
 * What the monthly report's chart shows, already computed: deployments per week by outcome, the
 * lead time's weekly median, and approval latency by step. Labels are as people read them
 * ("Nov 3", "Backend Lead review"); hours are decimal.
 */
public record ChartData(String title, List<Week> weeks, List<StepLatency> approvalLatency) {

    public ChartData {
        weeks = List.copyOf(weeks);
        approvalLatency = List.copyOf(approvalLatency);
    }

    /** One week: its deployments to production by outcome, and the median lead time of its changes (null: none). */
    public record Week(String label, int succeeded, int failed, int rolledBack, Double leadTimeMedianHours) {
    }

    /** The median time one approval step waited, in hours. */
    public record StepLatency(String step, double medianHours) {
    }
}
