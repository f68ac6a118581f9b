package dev.changebot.application.incident;

import dev.changebot.application.port.Incidents;
import dev.changebot.application.port.Notices;
import dev.changebot.application.port.OpenChanges;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.incident.Incident;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.notice.NoticeFacts;
import dev.changebot.domain.notice.Recipient;
import dev.changebot.domain.policy.FreezeSource;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change channel hears of an incident's freeze once — a banner when it starts, whichever node
 * records it first — and once more when it lifts, with the changes that were waiting for it. Runs in
 * the caller's transaction; the notices go through the outbox after it commits.
 */
@Singleton
public class IncidentNotices {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentNotices.class);
    /** "Until resolved", for the freeze span of an open incident. */
    private static final Duration OPEN = Duration.ofDays(3650);
    /** Open changes read for the digest: the work in flight, bounded. */
    private static final int DIGEST_SCAN = 500;

    private final Incidents incidents;
    private final Notices notices;
    private final OpenChanges openChanges;
    private final Policy policy;
    private final dev.changebot.application.port.AuditNotes audit;

    public IncidentNotices(Incidents incidents, Notices notices, OpenChanges openChanges, Policy policy,
                           dev.changebot.application.port.AuditNotes audit) {
        this.audit = audit;
        this.incidents = incidents;
        this.notices = notices;
        this.openChanges = openChanges;
        this.policy = policy;
    }

    /** After an incident was recorded or updated: its banner if it now freezes changes, its digest if it stopped. */
    void afterChange(String workspaceId, Incident incident, Instant now) {
        var freezing = incident.freezeSpan(coolDown(), now, now.plus(OPEN)).isPresent();
        if (freezing && freezesAnything(incident) && incidents.markBanner(workspaceId, incident.number(), now)) {
            channel().ifPresentOrElse(channel -> notices.send(new Notice(workspaceId, Optional.empty(),
                    new Recipient.Channel(channel), new NoticeFacts.IncidentFreeze(incident.ref(), incident.headline(),
                            incident.servicesText(), incident.source().label(), incident.links(),
                            incident.reopenedAt().isPresent()))),
                    () -> LOG.warn("{} freezes changes, but the policy names no channel to tell (incidents.channel)",
                            incident.headline()));
        }
        thawDue(workspaceId, now);
    }

    /** The digest of every incident whose freeze has lifted and was not yet told. */
    void thawDue(String workspaceId, Instant now) {
        for (var incident : incidents.notThawed(workspaceId)) {
            if (incident.freezeSpan(coolDown(), now, now.plus(OPEN)).isPresent()) {
                continue;
            }
            boolean told = incidents.bannerPosted(workspaceId, incident.number());
            if (!incidents.markDigest(workspaceId, incident.number(), now)) {
                continue;
            }
            if (told) {
                // A fact for the audit trail, and the gate's cue: pending checks held by this incident settle now.
                audit.record(workspaceId, "IncidentFreezeLifted", "changebot", now,
                        java.util.Map.of("incident", incident.ref(), "services", incident.servicesText()));
                channel().ifPresent(channel -> notices.send(new Notice(workspaceId, Optional.empty(),
                        new Recipient.Channel(channel), new NoticeFacts.IncidentThaw(incident.ref(), incident.headline(),
                                incident.servicesText(), waiting(workspaceId, incident)))));
            }
        }
    }

    /** Whether one of the policy's active-incident freezes watches this severity: another freezes nothing. */
    boolean freezesAnything(Incident incident) {
        return policy.freezes().stream().anyMatch(freeze -> freeze.source() instanceof FreezeSource.ActiveIncidents watched
                && watched.severities().contains(incident.severity()));
    }

    /** Approved changes on the incident's services that have not started: those the freeze held back. */
    private List<String> waiting(String workspaceId, Incident incident) {
        var lines = new ArrayList<String>();
        for (var change : openChanges.page(workspaceId, 0, DIGEST_SCAN)) {
            boolean affected = incident.allServices() || change.service().map(incident.services()::contains).orElse(true);
            if (change.state() == ChangeState.APPROVED && affected) {
                lines.add(change.id() + " " + change.details().title());
            }
        }
        return lines;
    }

    private Duration coolDown() {
        return policy.incidentMapping().coolDown();
    }

    private Optional<String> channel() {
        return policy.incidents().channel().or(() -> policy.api().channel()).or(() -> policy.reports().channel())
                .or(() -> policy.reminders().escalationChannel()).map(c -> c.replaceFirst("^#", ""));
    }
}
