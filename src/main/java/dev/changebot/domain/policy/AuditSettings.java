package dev.changebot.domain.policy;

import java.util.Optional;
import java.util.Set;

/**
 * The policy's {@code audit:} section: who may export the evidence pack from Slack
 * ({@code evidenceRoles}; none by default, since the pack holds every change of the period and an
 * auditor's access is a grant the policy makes on purpose) and where signed checkpoints are posted.
 */
public record AuditSettings(Set<String> evidenceRoles, Optional<String> channel) {

    public AuditSettings {
        evidenceRoles = Set.copyOf(evidenceRoles);
    }

    /** No section: nobody exports from Slack (the command line still can), no audit channel. */
    public static AuditSettings none() {
        return new AuditSettings(Set.of(), Optional.empty());
    }

    public boolean mayExportEvidence(Set<String> heldRoles) {
        return heldRoles.stream().anyMatch(evidenceRoles::contains);
    }
}
