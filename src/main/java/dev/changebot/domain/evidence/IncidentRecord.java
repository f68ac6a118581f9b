package dev.changebot.domain.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An incident as the evidence pack lists it (incidents.csv): INC-n, the tool it came from and that
 * tool's id, its title, severity (the policy's name and as the tool sent it), the services it froze
 * ({@code allServices}: every one), where it stands now and when it was triggered, first
 * acknowledged, resolved and last reopened, its links, and the changes linked to it as its
 * remediation and as its cause (by number).
 */
public record IncidentRecord(long number, String source, String providerId, String title, String severity,
                             String severitySent, List<String> services, boolean allServices, String status,
                             Instant triggeredAt, Optional<Instant> acknowledgedAt, Optional<Instant> resolvedAt,
                             Optional<Instant> reopenedAt, List<String> links, List<Long> remediations,
                             List<Long> causes) {

    public IncidentRecord {
        services = List.copyOf(services);
        links = List.copyOf(links);
        remediations = List.copyOf(remediations);
        causes = List.copyOf(causes);
    }
}
