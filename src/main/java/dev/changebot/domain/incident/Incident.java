package dev.changebot.domain.incident;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.policy.IncidentSettings;
import dev.changebot.domain.policy.IncidentSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An incident as Changebot keeps it: INC-n, where it came from, and what it covers in the policy's
 * names. {@code rawSeverity} is kept as the source said it, so a severity the policy does not map
 * is still shown; {@code services} are the policy's services it affects and {@code allServices}
 * says it affects every one (no service named, or one the policy does not know under
 * {@code unmapped_services: all}).
 */
public record Incident(long number, IncidentSource source, String externalKey, String title, String rawSeverity,
                       String severity, Set<String> services, boolean allServices, IncidentStatus status,
                       List<String> links, Instant openedAt, Optional<Instant> resolvedAt, Instant updatedAt) {

    public Incident {
        services = Set.copyOf(new LinkedHashSet<>(services));
        links = List.copyOf(links);
    }

    public String ref() {
        return ref(number);
    }

    public static String ref(long number) {
        return "INC-" + number;
    }

    /** The first report of an incident; {@code number} is the next INC-n. */
    public static Incident first(long number, IncidentReport report, IncidentSettings settings) {
        var raw = report.severity().orElse("unknown");
        var status = report.status().orElse(IncidentStatus.TRIGGERED);
        var covered = settings.services(report.services());
        return new Incident(number, report.source(), report.externalKey(), report.title().orElse("(untitled incident)"),
                raw, settings.severity(raw), covered.services(), covered.all(), status, report.links(),
                report.occurredAt(), status.open() ? Optional.empty() : Optional.of(report.occurredAt()),
                report.occurredAt());
    }

    /**
     * This incident after a later report: the status only moves forward; details (title, severity,
     * services) change only when the report is not older than what they came from.
     */
    public Incident apply(IncidentReport report, IncidentSettings settings) {
        var newer = !report.occurredAt().isBefore(updatedAt);
        var nextStatus = report.status().filter(s -> s.compareTo(status) > 0).orElse(status);
        var nextTitle = newer ? report.title().orElse(title) : title;
        var nextRaw = newer ? report.severity().orElse(rawSeverity) : rawSeverity;
        var nextServices = services;
        var nextAll = allServices;
        if (newer && !report.services().isEmpty()) {
            var covered = settings.services(report.services());
            nextServices = covered.services();
            nextAll = covered.all();
        }
        var nextLinks = new LinkedHashSet<>(links);
        nextLinks.addAll(report.links());
        var resolved = resolvedAt.or(() -> nextStatus.open() ? Optional.empty() : Optional.of(report.occurredAt()));
        var opened = report.occurredAt().isBefore(openedAt) ? report.occurredAt() : openedAt;
        return new Incident(number, source, externalKey, nextTitle, nextRaw, settings.severity(nextRaw), nextServices,
                nextAll, nextStatus, List.copyOf(nextLinks), opened, resolved,
                newer ? report.occurredAt() : updatedAt);
    }

    /**
     * What this incident freezes as of {@code now}: from when it opened until it is resolved plus the
     * cool-down ({@code openUntil} stands for "until resolved"); nothing once the cool-down is over.
     */
    public Optional<IncidentSpan> freezeSpan(Duration coolDown, Instant now, Instant openUntil) {
        var end = resolvedAt.map(resolved -> resolved.plus(coolDown)).orElse(openUntil);
        if (!end.isAfter(now) || !end.isAfter(openedAt)) {
            return Optional.empty();
        }
        return Optional.of(new IncidentSpan(ref(), severity, services, allServices, new TimeSpan(openedAt, end),
                headline()));
    }

    /** "INC-3 SEV2 Payments down" — how banners and reasons name it. */
    public String headline() {
        return ref() + " " + severity + " " + title;
    }

    /** The services in words: "payments-api, checkout" or "all services". */
    public String servicesText() {
        if (allServices) {
            return "all services";
        }
        return services.isEmpty() ? "no service of the policy" : String.join(", ", services);
    }
}
