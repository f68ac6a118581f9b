package dev.changebot.domain.metrics;

import java.time.Instant;

/**
 * One row of the deployment table (a report by a pipeline or GitHub), with what its change says.
 *
 * @param changeNumber    null when the report named no change
 * @param changeClass     the class of its change, null without one
 * @param approvedAt      when its change was fully approved, null when it never was (or has no change)
 * @param startedAt       when the pipeline said it started, null when it did not say
 * @param percent         the rollout step, null for a whole deployment
 * @param codeAt          the earlier of its commit's time and its pull request's opening, as the pipeline
 *                        reported them; null when it did not
 */
public record DeploymentFact(long id, Long changeNumber, String changeClass, String service, String environment,
                             String status, Integer percent, Instant startedAt, Instant reportedAt, boolean covered,
                             Instant approvedAt, Instant codeAt) {

    public static final String SUCCEEDED = "succeeded";

    /**
     * A deployment as DORA counts it: a finished report (succeeded, failed or rolled back); a
     * succeeded rollout step short of 100 % is part of a deployment still under way, not one more.
     */
    public boolean counts() {
        if (SUCCEEDED.equals(status)) {
            return percent == null || percent >= 100;
        }
        return "failed".equals(status) || "rolled_back".equals(status);
    }

    /** It went out, whole or as a rollout step. */
    public boolean reached() {
        return SUCCEEDED.equals(status);
    }

    public boolean succeeded() {
        return counts() && SUCCEEDED.equals(status);
    }

    public boolean failed() {
        return counts() && !SUCCEEDED.equals(status);
    }

    /** Started without a fully approved change behind it (POL-012's approval bypass). */
    public boolean bypassedApproval() {
        var began = startedAt != null ? startedAt : reportedAt;
        return approvedAt == null || approvedAt.isAfter(began);
    }
}
