package dev.changebot.domain.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The metrics Changebot computes from its record, by the id a policy's {@code kpis:} names them
 * with. Rates are fractions 0..1; durations are hours.
 */
public enum MetricId {
    DEPLOYMENT_FREQUENCY("Deployment frequency", MetricUnit.PER_WEEK),
    LEAD_TIME_MEDIAN_HOURS("Lead time (median)", MetricUnit.HOURS),
    LEAD_TIME_P90_HOURS("Lead time (p90)", MetricUnit.HOURS),
    CHANGE_FAILURE_RATE("Change failure rate", MetricUnit.RATE),
    RECOVERY_TIME_MEDIAN_HOURS("Failed-deployment recovery time (median)", MetricUnit.HOURS),
    ROLLBACK_RATE("Rollback rate", MetricUnit.RATE),
    CHANGE_SUCCESS_RATE("Change success rate", MetricUnit.RATE),
    APPROVAL_LATENCY_MEDIAN_HOURS("Approval latency (median)", MetricUnit.HOURS),
    APPROVAL_LATENCY_P90_HOURS("Approval latency (p90)", MetricUnit.HOURS),
    FIRST_APPROVAL_MEDIAN_HOURS("Time to first approval (median)", MetricUnit.HOURS),
    FIRST_APPROVAL_P90_HOURS("Time to first approval (p90)", MetricUnit.HOURS),
    APPROVAL_STEP_MEDIAN_HOURS("Wait per approval step (median)", MetricUnit.HOURS),
    APPROVAL_STEP_P90_HOURS("Wait per approval step (p90)", MetricUnit.HOURS),
    WINDOW_OVERRIDES("Window overrides with justification", MetricUnit.COUNT),
    UNAUTHORIZED_DEPLOYMENTS("Unauthorized deployments", MetricUnit.COUNT),
    APPROVAL_BYPASSES("Approval bypasses", MetricUnit.COUNT),
    EMERGENCY_RATIO("Emergency ratio", MetricUnit.RATE),
    FOLLOW_UPS_ON_TIME("Follow-ups done on time", MetricUnit.COUNT),
    FOLLOW_UPS_LATE("Follow-ups done late", MetricUnit.COUNT),
    FOLLOW_UPS_OVERDUE_NOW("Follow-ups overdue now", MetricUnit.COUNT),
    SOAK_ABORTS("Soak aborts", MetricUnit.COUNT),
    DEPLOYMENTS_PER_WEEK("Deployments per week", MetricUnit.PER_WEEK),
    MEAN_TIME_TO_DEPLOY_HOURS("Mean time to deploy", MetricUnit.HOURS);

    private final String label;
    private final MetricUnit unit;

    MetricId(String label, MetricUnit unit) {
        this.label = label;
        this.unit = unit;
    }

    /** The id a policy writes, e.g. {@code rollback_rate}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public MetricUnit unit() {
        return unit;
    }

    public static Optional<MetricId> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(MetricId::id).toList();
    }
}
