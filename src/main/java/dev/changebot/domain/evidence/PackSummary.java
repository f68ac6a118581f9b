package dev.changebot.domain.evidence;

import java.util.List;

/**
 * What a pack holds, in numbers: the short summary sent with it and written in its README.
 * {@code gaps} are change numbers missing from the period's sequence (none in an intact record);
 * {@code checkpointCovers} is how many entries of the chain, from the first, the carried signed
 * checkpoint covers (0: none carried).
 */
public record PackSummary(Period period, int changes, int emergencies, int preApproved, int overrides,
                          int exceptions, int lateReviews, List<Long> gaps, long chainSize, long checkpointCovers) {

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
                .append(coverage()).append('.');
        return lines.toString();
    }

    /** Whether every entry in the pack is covered by the carried checkpoint's signature. */
    public boolean fullyCovered() {
        return checkpointCovers > 0 && checkpointCovers >= chainSize;
    }

    private String coverage() {
        if (chainSize == 0) {
            return "";
        }
        if (checkpointCovers == 0) {
            return "; no signed checkpoint yet, so no entry is covered by a signature";
        }
        if (fullyCovered()) {
            return ", every one covered by the signed checkpoint in the pack";
        }
        return "; the newest signed checkpoint covers entries 1 to " + checkpointCovers + ", entries "
                + (checkpointCovers + 1) + " to " + chainSize + " are covered by no signature yet";
    }
}
