package dev.changebot.application.incident;

import dev.changebot.application.port.AuditNotes;
import dev.changebot.application.port.Incidents;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.audit.CanonicalJson;
import dev.changebot.domain.incident.Incident;
import dev.changebot.domain.incident.IncidentReport;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what a source says about an incident: once per provider delivery (a redelivery, or the
 * same webhook reaching another node, changes nothing), as a new INC-n or an update of the incident
 * the provider knows by its id, with an audit note; then the banner and the digest ({@link IncidentNotices}).
 * All in one transaction, so a webhook is acknowledged only once it is recorded.
 */
@Singleton
public class RecordIncidents {

    private static final Logger LOG = LoggerFactory.getLogger(RecordIncidents.class);
    static final String AUDIT_KIND = "IncidentReported";

    /** What became of a report. */
    public sealed interface Outcome {
    }

    /** Recorded: a new incident ({@code created}) or an update of one. */
    public record Recorded(Incident incident, boolean created) implements Outcome {
    }

    /** This delivery was recorded before. */
    public record Redelivery() implements Outcome {
    }

    private final Incidents incidents;
    private final Transactions transactions;
    private final AuditNotes audit;
    private final IncidentNotices notices;
    private final dev.changebot.domain.policy.Policy policy;
    private final Clock clock;

    public RecordIncidents(Incidents incidents, Transactions transactions, AuditNotes audit, IncidentNotices notices,
                           dev.changebot.domain.policy.Policy policy, Clock clock) {
        this.incidents = incidents;
        this.transactions = transactions;
        this.audit = audit;
        this.notices = notices;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @param eventId the provider's id of this delivery (idempotency key)
     * @param actor   who reported it, for the audit trail: "pagerduty", a Slack user id
     */
    public Outcome reported(String workspaceId, String eventId, IncidentReport sent, String actor) {
        return reported(workspaceId, eventId, sent, actor, Optional.empty());
    }

    /** As above; {@code channel}: the Slack channel the tool works the incident in (incident.io's), if it says. */
    public Outcome reported(String workspaceId, String eventId, IncidentReport sent, String actor, Optional<String> channel) {
        return transactions.inTransaction(() -> {
            var now = clock.instant();
            // A tool's clock may run ahead of ours: a report is never later than its arrival, so a
            // resolution lifts the freeze when it arrives, not when the sender's clock said.
            var report = sent.occurredAt().isAfter(now) ? sent.at(now) : sent;
            if (!incidents.claimDelivery(workspaceId, report.source(), eventId, now)) {
                LOG.info("{} delivery {} was recorded before", report.source().label(), eventId);
                return new Redelivery();
            }
            var mapping = policy.incidentMapping();
            var existing = incidents.lockedByKey(workspaceId, report.source(), report.externalKey());
            boolean created = false;
            Incident incident;
            if (existing.isPresent()) {
                incident = existing.get().apply(report, mapping);
                if (incident.reopens(existing.get())) {
                    // Open again: its freeze is told again (one banner for the reopening), and lifted again with a digest.
                    incidents.reopened(workspaceId, incident.number());
                }
            } else {
                long number = incidents.nextNumber(workspaceId);
                // Another delivery of the same incident may have created it while we waited for the lock.
                var raced = incidents.lockedByKey(workspaceId, report.source(), report.externalKey());
                created = raced.isEmpty();
                incident = raced.map(i -> i.apply(report, mapping)).orElseGet(() -> Incident.first(number, report, mapping));
            }
            incidents.save(workspaceId, incident);
            channel.ifPresent(id -> incidents.placeIn(workspaceId, incident.number(), id));
            audit.record(workspaceId, AUDIT_KIND, actor, now, details(incident, report, eventId));
            notices.afterChange(workspaceId, incident, now);
            return new Recorded(incident, created);
        });
    }

    /** Each incident's freeze that has lifted (resolved, cool-down over) gets its digest; for the background pass. */
    public void thawDue() {
        for (var workspaceId : transactions.inTransaction(incidents::workspacesNotThawed)) {
            transactions.inTransaction(() -> {
                notices.thawDue(workspaceId, clock.instant());
                return null;
            });
        }
    }

    private static java.util.Map<String, Object> details(Incident incident, IncidentReport report, String eventId) {
        var details = new LinkedHashMap<String, Object>();
        details.put("incident", incident.ref());
        details.put("source", report.source().name());
        details.put("externalId", report.externalKey());
        details.put("eventId", eventId);
        if (report.reopened()) {
            details.put("reported", "reopened");
        } else {
            report.status().ifPresent(status -> details.put("reported", status.word()));
        }
        details.put("status", incident.status().word());
        details.put("severity", incident.severity());
        details.put("rawSeverity", incident.rawSeverity());
        details.put("services", incident.servicesText());
        details.put("title", incident.title());
        details.put("occurredAt", CanonicalJson.instant(report.occurredAt()));
        return details;
    }

    /** The incident by INC-n, for commands. */
    public Optional<Incident> find(String workspaceId, long number) {
        return transactions.inTransaction(() -> incidents.byNumber(workspaceId, number));
    }
}
