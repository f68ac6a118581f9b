package dev.changebot.domain.evidence;

import java.util.List;

/**
 * What a pack holds, in numbers: the short summary sent with it and written in its README.
 * {@code gaps} are change numbers missing from the period's sequence (none in an intact record).
 */
public record PackSummary(Period period, int changes, int emergencies, int preApproved, int overrides,
                          int exceptions, int lateReviews, List<Long> gaps, long chainSize, boolean checkpoint) {

    public PackSummary {
        gaps = List.copyOf(gaps);
    }

    /** Plain sentences (no markup): Slack and the README both show them. */
    public String text() {
        var lines = new StringBuilder();
        lines.append("Evidence pack for ").append(period.label()).append(" (").append(period.describe()).append("): ")
                .append(changes).append(changes == 1 ? " change" : " changes")
                .append(", ").append(emergencies).append(emergencies == 1 ? " emergency" : " emergencies")
                .append(", ").append(preApproved).append(" pre-approved")
                .append(", ").append(overrides).append(overrides == 1 ? " override" : " overrides")
                .append(", ").append(exceptions).append(exceptions == 1 ? " exception" : " exceptions")
                .append(", ").append(lateReviews).append(lateReviews == 1 ? " late or missing review" : " late or missing reviews")
                .append(".\n");
        lines.append(gaps.isEmpty() ? "Change ids follow each other without a gap."
                : "Change ids missing from the sequence: " + String.join(", ", gaps.stream().map(n -> "CHG-" + n).toList()) + ".");
        lines.append("\nAudit chain: ").append(chainSize).append(chainSize == 1 ? " entry" : " entries")
                .append(checkpoint ? ", with its newest signed checkpoint." : "; no signed checkpoint yet.");
        return lines.toString();
    }
}
