package dev.changebot.application.incident;

import dev.changebot.application.change.DeclareEmergency;
import dev.changebot.application.port.Incidents;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.incident.Incident;
import dev.changebot.domain.incident.IncidentReport;
import dev.changebot.domain.incident.IncidentSource;
import dev.changebot.domain.incident.IncidentStatus;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * `/change incident start|resolve|cause` for teams without an incident tool, by the roles of
 * {@code incidents.declared_by}. Starting and resolving go through {@link RecordIncidents} like any
 * source, so the banner, the freeze and the digest are the same.
 */
@Singleton
public class ManageIncidents {

    /** Longest title kept; Slack shows it in the banner. */
    static final int MAX_TITLE = 200;

    private final RecordIncidents record;
    private final Incidents incidents;
    private final Changes changes;
    private final Transactions transactions;
    private final RoleDirectory directory;
    private final dev.changebot.application.port.AuditNotes audit;
    private final Policy policy;
    private final Clock clock;

    public ManageIncidents(RecordIncidents record, Incidents incidents, Changes changes, Transactions transactions,
                           RoleDirectory directory, dev.changebot.application.port.AuditNotes audit, Policy policy,
                           Clock clock) {
        this.audit = audit;
        this.record = record;
        this.incidents = incidents;
        this.changes = changes;
        this.transactions = transactions;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * {@code words} is the title, then any of the policy's services (or names its mapping knows):
     * "Checkout errors payments-api" is an incident on payments-api titled "Checkout errors".
     */
    public String start(String workspaceId, String userId, String channelId, String severity, List<String> words) {
        var refusal = refusal(workspaceId, userId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        var mapping = policy.incidentMapping();
        var titleWords = new ArrayList<>(words);
        var services = new ArrayList<String>();
        while (titleWords.size() > 1 && mapping.services().containsKey(last(titleWords).toLowerCase(java.util.Locale.ROOT))) {
            services.add(0, titleWords.remove(titleWords.size() - 1));
        }
        var title = String.join(" ", titleWords).strip();
        if (title.isEmpty()) {
            return "Give the incident a title: `/change incident start SEV2 Checkout errors payments-api`.";
        }
        if (title.length() > MAX_TITLE) {
            return "That title is " + title.length() + " characters; keep it under " + MAX_TITLE + ".";
        }
        var now = clock.instant();
        var key = UUID.randomUUID().toString();
        var report = new IncidentReport(IncidentSource.SLACK, key, Optional.of(title), Optional.of(severity),
                services.stream().map(List::of).toList(),
                Optional.of(IncidentStatus.TRIGGERED), List.of(), now);
        var outcome = (RecordIncidents.Recorded) record.reported(workspaceId, key, report, userId);
        var incident = outcome.incident();
        transactions.inTransaction(() -> {
            incidents.placeIn(workspaceId, incident.number(), channelId);
            return null;
        });
        var known = policy.freezes().stream().anyMatch(f -> f.source() instanceof dev.changebot.domain.policy.FreezeSource
                .ActiveIncidents watched && watched.severities().contains(incident.severity()));
        return "Recorded " + incident.headline() + " on " + incident.servicesText() + "."
                + (known ? " Changes to " + incident.servicesText() + " wait for it where the policy says so; resolve it with `/change incident resolve "
                        + incident.ref() + "`."
                        : " No freeze of the policy watches severity " + incident.severity() + ", so nothing is frozen.");
    }

    public String resolve(String workspaceId, String userId, long number) {
        var refusal = refusal(workspaceId, userId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        var incident = record.find(workspaceId, number);
        if (incident.isEmpty()) {
            return "There is no " + Incident.ref(number) + ".";
        }
        if (!incident.get().status().open()) {
            return incident.get().ref() + " is already resolved.";
        }
        var report = new IncidentReport(incident.get().source(), incident.get().externalKey(), Optional.empty(),
                Optional.empty(), List.of(), Optional.of(IncidentStatus.RESOLVED), List.of(), clock.instant());
        record.reported(workspaceId, "slack-resolve-" + UUID.randomUUID(), report, userId);
        var coolDown = policy.incidentMapping().coolDown();
        return "Resolved " + incident.get().headline() + "."
                + (coolDown.isZero() ? " Its freeze is lifted." : " Its freeze lifts after the policy's cool-down of "
                        + coolDown.toMinutes() + " minutes.");
    }

    /** What a link came to: {@code done} when the change is linked (now or before). */
    public record LinkAnswer(boolean done, String text) {
    }

    /** Links a change to an incident as its cause (fed to the change failure rate) or as its remediation. */
    public String link(String workspaceId, String userId, long number, ChangeId changeId, Incidents.Link link) {
        return linkAnswer(workspaceId, userId, number, changeId, link).text();
    }

    public LinkAnswer linkAnswer(String workspaceId, String userId, long number, ChangeId changeId, Incidents.Link link) {
        var refusal = refusal(workspaceId, userId);
        if (refusal.isPresent()) {
            return new LinkAnswer(false, refusal.get());
        }
        return transactions.inTransaction(() -> {
            var incident = incidents.byNumber(workspaceId, number);
            if (incident.isEmpty()) {
                return new LinkAnswer(false, "There is no " + Incident.ref(number) + ".");
            }
            if (changes.find(workspaceId, changeId).isEmpty()) {
                return new LinkAnswer(false, "There is no " + changeId + ".");
            }
            var now = clock.instant();
            boolean added = incidents.link(workspaceId, number, changeId.number(), link, userId, now);
            if (added) {
                // In the audit trail, so the evidence pack shows which change caused (or fixed) which incident.
                audit.record(workspaceId, "IncidentLinked", userId, now, java.util.Map.of("incident", Incident.ref(number),
                        "change", changeId.toString(), "link", link.name().toLowerCase(java.util.Locale.ROOT)));
            }
            var what = link == Incidents.Link.CAUSE ? "as the cause of " : "as a remediation of ";
            return new LinkAnswer(true, added ? "Linked " + changeId + " " + what + incident.get().ref() + "."
                    : changeId + " was already linked " + what + incident.get().ref() + ".");
        });
    }

    /**
     * What an emergency declaration records with it, in its own transaction: the declared change as
     * the remediation of the incident it names ({@code --incident INC-n}; an unknown one refuses the
     * declaration before anything is written) and of the open incidents worked in the channel it is
     * declared in, each with an {@code IncidentLinked} audit note.
     */
    public DeclareEmergency.Along emergencyLinks(String workspaceId, String declarerId, String channelId,
                                                 Optional<Long> named) {
        return new DeclareEmergency.Along() {
            @Override
            public Optional<String> refusal() {
                return named.filter(n -> incidents.byNumber(workspaceId, n).isEmpty())
                        .map(n -> "There is no " + Incident.ref(n) + ": check the number, or leave `--incident` out."
                                + " Nothing was declared.");
            }

            @Override
            public Optional<String> record(Change declared, Instant at) {
                var numbers = new java.util.TreeSet<Long>(incidents.openIn(workspaceId, channelId));
                named.ifPresent(numbers::add);
                var refs = new ArrayList<String>();
                for (var number : numbers) {
                    if (incidents.link(workspaceId, number, declared.id().number(), Incidents.Link.REMEDIATION,
                            declarerId, at)) {
                        audit.record(workspaceId, "IncidentLinked", declarerId, at, java.util.Map.of("incident",
                                Incident.ref(number), "change", declared.id().toString(), "link", "remediation"));
                        refs.add(Incident.ref(number));
                    }
                }
                return refs.isEmpty() ? Optional.empty()
                        : Optional.of(" Linked as the remediation of " + String.join(", ", refs) + ".");
            }
        };
    }

    private Optional<String> refusal(String workspaceId, String userId) {
        var roles = policy.incidents().declaredBy();
        if (roles.isEmpty()) {
            return Optional.of("This policy names nobody who may record incidents: add `incidents: {declared_by: [roles]}`"
                    + " (see docs/incidents.md).");
        }
        if (Collections.disjoint(roles, directory.rolesOf(workspaceId, userId))) {
            return Optional.of("Only " + String.join(" or ", new java.util.TreeSet<>(roles)) + " may record incidents.");
        }
        return Optional.empty();
    }

    private static String last(List<String> words) {
        return words.get(words.size() - 1);
    }
}
