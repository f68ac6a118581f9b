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
 * @param reopened    the source reopened a resolved incident (PagerDuty's incident.reopened): it is open again
 *                    unless a later resolution was already applied; {@code status} is then TRIGGERED
 */
public record IncidentReport(IncidentSource source, String externalKey, Optional<String> title,
                             Optional<String> severity, List<List<String>> services, Optional<IncidentStatus> status,
                             List<String> links, Instant occurredAt, boolean reopened) {

    /** A report that reopens nothing: every source's triggered, acknowledged, resolved and the like. */
    public IncidentReport(IncidentSource source, String externalKey, Optional<String> title, Optional<String> severity,
                          List<List<String>> services, Optional<IncidentStatus> status, List<String> links,
                          Instant occurredAt) {
        this(source, externalKey, title, severity, services, status, links, occurredAt, false);
    }

    public IncidentReport {
        Objects.requireNonNull(source, "source");
        if (externalKey == null || externalKey.isBlank()) {
            throw new IllegalArgumentException("An incident report needs the incident's id");
        }
        services = services.stream().map(List::copyOf).toList();
        links = List.copyOf(links);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The same report, as of {@code at} (a report stamped later than its arrival counts from its arrival). */
    public IncidentReport at(Instant at) {
        return new IncidentReport(source, externalKey, title, severity, services, status, links, at, reopened);
    }
}
