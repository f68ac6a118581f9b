package dev.changebot.domain.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a source says about an incident, in the provider's own words (severity "P1", service
 * "PXXXXXX"): the policy's {@code incidents:} mapping turns them into its names when it is applied.
 * Fields a source did not send are empty and leave the incident as it was.
 *
 * @param externalKey the provider's id of the incident (several reports share it)
 * @param services    the services it affects, each as the names it goes by at the source (an id, a name)
 * @param status      where the source says it stands; empty for "priority changed" and the like
 */
public record IncidentReport(IncidentSource source, String externalKey, Optional<String> title,
                             Optional<String> severity, List<List<String>> services, Optional<IncidentStatus> status,
                             List<String> links, Instant occurredAt) {

    public IncidentReport {
        Objects.requireNonNull(source, "source");
        if (externalKey == null || externalKey.isBlank()) {
            throw new IllegalArgumentException("An incident report needs the incident's id");
        }
        services = services.stream().map(List::copyOf).toList();
        links = List.copyOf(links);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
