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
 * {@code unmapped_services: all}). {@code acknowledgedAt} is its first acknowledgement;
 * {@code reopenedAt} its newest reopening; {@code turnedAt} the time of the newest resolve or
 * reopen applied, before which a status report belongs to an earlier stretch of the incident.
 */
public record Incident(long number, IncidentSource source, String externalKey, String title, String rawSeverity,
                       String severity, Set<String> services, boolean allServices, IncidentStatus status,
                       List<String> links, Instant openedAt, Optional<Instant> resolvedAt, Instant updatedAt,
                       Optional<Instant> acknowledgedAt, Optional<Instant> reopenedAt, Optional<Instant> turnedAt) {

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
        var status = report.reopened() ? IncidentStatus.TRIGGERED : report.status().orElse(IncidentStatus.TRIGGERED);
        var covered = settings.services(report.services());
        var at = report.occurredAt();
        var turned = report.reopened() || !status.open() ? Optional.of(at) : Optional.<Instant>empty();
        return new Incident(number, report.source(), report.externalKey(), report.title().orElse("(untitled incident)"),
                raw, settings.severity(raw), covered.services(), covered.all(), status, report.links(),
                at, status.open() ? Optional.empty() : Optional.of(at), at,
                status == IncidentStatus.ACKNOWLEDGED ? Optional.of(at) : Optional.empty(),
                report.reopened() ? Optional.of(at) : Optional.empty(), turned);
    }

    /**
     * This incident after a later report: the status only moves forward, except that a reopening
     * (or an open status dated after the resolution) makes a resolved incident open again; a status report older than the newest resolve or reopen
     * applied ({@code turnedAt}) changes no status (a reopening delivered after a later resolution
     * leaves the incident resolved; a resolution delivered after a later reopening leaves it open).
     * Details (title, severity, services) change only when the report is not older than what they came from.
     */
    public Incident apply(IncidentReport report, IncidentSettings settings) {
        var at = report.occurredAt();
        var newer = !at.isBefore(updatedAt);
        // Incidents recorded before turned_at was kept (V52) turned when they were resolved.
        var current = turnedAt.or(() -> resolvedAt).map(turn -> !at.isBefore(turn)).orElse(true);
        var nextStatus = status;
        var resolved = resolvedAt;
        var reopened = reopenedAt;
        var turned = turnedAt;
        if (report.reopened()) {
            if (current) {
                nextStatus = IncidentStatus.TRIGGERED;
                resolved = Optional.empty();
                reopened = Optional.of(at);
                turned = Optional.of(at);
            }
        } else if (current && report.status().isPresent()) {
            var reported = report.status().get();
            nextStatus = reported.compareTo(status) > 0 ? reported : status;
            if (reported.open() && !status.open() && turnedAt.or(() -> resolvedAt).map(at::isAfter).orElse(false)) {
                // Sources with no reopen event of their own (incident.io, the generic webhook) reopen
                // by reporting an open status dated after the resolution.
                nextStatus = reported;
                resolved = Optional.empty();
                reopened = Optional.of(at);
                turned = Optional.of(at);
            }
            if (reported == IncidentStatus.RESOLVED) {
                // The first resolution of this stretch ends the freeze; a later one only moves the turn.
                resolved = resolvedAt.or(() -> Optional.of(at));
                turned = Optional.of(at);
            }
        }
        var acknowledged = acknowledgedAt;
        if (report.status().filter(s -> s == IncidentStatus.ACKNOWLEDGED).isPresent()
                && acknowledgedAt.map(at::isBefore).orElse(true)) {
            acknowledged = Optional.of(at);
        }
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
        var opened = at.isBefore(openedAt) ? at : openedAt;
        return new Incident(number, source, externalKey, nextTitle, nextRaw, settings.severity(nextRaw), nextServices,
                nextAll, nextStatus, List.copyOf(nextLinks), opened, resolved, newer ? at : updatedAt, acknowledged,
                reopened, turned);
    }

    /** Whether {@code before} was resolved and this, the same incident after a report, is open again. */
    public boolean reopens(Incident before) {
        return !before.status().open() && status.open();
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
