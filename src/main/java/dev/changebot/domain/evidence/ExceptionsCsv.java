package dev.changebot.domain.evidence;

import static dev.changebot.domain.evidence.Texts.list;
import static dev.changebot.domain.evidence.Texts.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * exceptions.csv, the exceptions log: overrides of the calendar (and each signature of one that
 * needed several roles), emergencies, follow-ups met late or not met by their deadline, and
 * deployments nothing authorized, approvals the policy asks during the deployment that were skipped
 * (a rollback recorded without its dual approval) — each with who, when and the justification given.
 */
final class ExceptionsCsv {

    static final List<String> HEADER = List.of("change", "kind", "at", "by", "rules", "justification", "detail");

    static final String OVERRIDE = "override";
    static final String OVERRIDE_SIGNED = "override signature";
    static final String EMERGENCY = "emergency";
    static final String LATE = "follow-up late";
    static final String MISSING = "follow-up missing";
    static final String UNAUTHORIZED = "unauthorized deployment";
    static final String APPROVAL_SKIPPED = "approval skipped";

    private ExceptionsCsv() {
    }

    static List<List<String>> rows(EvidenceData data, Instant now) {
        var rows = rows(data.changes(), now);
        for (var deployment : data.unauthorizedDeployments()) {
            var detail = new StringBuilder(deployment.where()).append(": ").append(deployment.why());
            deployment.version().ifPresent(version -> detail.append("; version ").append(version));
            deployment.pipelineUrl().ifPresent(url -> detail.append("; ").append(url));
            rows.add(List.of(deployment.change().orElse(""), UNAUTHORIZED, time(deployment.reportedAt()),
                    deployment.reportedBy() + " (" + deployment.source() + ")", "", "", detail.toString()));
        }
        return rows;
    }

    static List<List<String>> rows(List<ChangeRecord> changes, Instant now) {
        var rows = new ArrayList<List<String>>();
        for (var change : changes) {
            for (var event : change.events()) {
                if (event.is("ChangeStartedByOverride")) {
                    rows.add(List.of(change.id(), OVERRIDE, time(event.at()),
                            String.join("+", event.list("signers").orElse(List.of(event.actorId()))),
                            list(event.list("rules").orElse(List.of())), event.detail("justification").orElse(""), ""));
                } else if (event.is("ChangeOverrideSigned")) {
                    rows.add(List.of(change.id(), OVERRIDE_SIGNED, time(event.at()), event.actorId(),
                            list(event.list("rules").orElse(List.of())), event.detail("justification").orElse(""),
                            "as " + list(event.list("roles").orElse(List.of()))));
                } else if (event.is("StageApprovalSkipped")) {
                    rows.add(List.of(change.id(), APPROVAL_SKIPPED, time(event.at()), event.actorId(), "", "",
                            event.detail("step").orElse("") + " before " + event.detail("before").orElse("")
                                    + "; missing " + list(event.list("missing").orElse(List.of()))));
                } else if (event.is("EmergencyDeclared")) {
                    rows.add(List.of(change.id(), EMERGENCY, time(event.at()), event.actorId(), "",
                            event.detail("summary").orElse(""),
                            "incident commander " + event.detail("incidentCommander").orElse(event.actorId())));
                }
            }
            for (var followUp : change.followUps()) {
                if (followUp.late()) {
                    rows.add(List.of(change.id(), LATE, time(followUp.satisfiedAt()), followUp.satisfiedBy().orElse(""),
                            "", "", followUp.name() + " due " + time(followUp.dueAt())));
                } else if (followUp.missing(now)) {
                    rows.add(List.of(change.id(), MISSING, time(followUp.dueAt()), "", "", "",
                            followUp.name() + " due " + time(followUp.dueAt()) + ", not met at export"));
                }
            }
        }
        return rows;
    }

    static byte[] of(List<List<String>> rows) {
        var csv = new Csv(HEADER);
        rows.forEach(csv::row);
        return csv.bytes();
    }
}
