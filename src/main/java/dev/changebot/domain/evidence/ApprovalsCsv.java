package dev.changebot.domain.evidence;

import static dev.changebot.domain.evidence.Texts.UNKNOWN;
import static dev.changebot.domain.evidence.Texts.time;
import static dev.changebot.domain.evidence.Texts.yesNo;

import java.util.List;
import java.util.Optional;

/**
 * approvals.csv: every decision on every change of the period, in order — approvals (how they were
 * given and the roles that made them count), withdrawals, rejections and pre-approvals by policy;
 * approvals given during the deployment name their stage in the step column ("before production:
 * Manual QA approval").
 * Rows recorded before approvals kept their provenance say {@code unknown}.
 */
final class ApprovalsCsv {

    static final List<String> HEADER = List.of("change", "step", "role", "approver", "decision", "at", "via",
            "approver_held_role", "approver_not_requester");

    private ApprovalsCsv() {
    }

    static byte[] of(List<ChangeRecord> changes) {
        var csv = new Csv(HEADER);
        changes.forEach(change -> change.events().forEach(event -> row(change, event).ifPresent(csv::row)));
        return csv.bytes();
    }

    static Optional<List<String>> row(ChangeRecord change, RecordedEvent event) {
        var notRequester = yesNo(!event.actorId().equals(change.requesterId()));
        return switch (event.type()) {
            case "ChangeApproved" -> {
                var roles = event.list("roles");
                yield Optional.of(List.of(change.id(), event.detail("step").orElse(""),
                        roles.map(Texts::list).orElse(UNKNOWN), event.actorId(), "approved", time(event.at()),
                        event.detail("via").orElse(UNKNOWN),
                        roles.map(r -> yesNo(!r.isEmpty())).orElse(UNKNOWN), notRequester));
            }
            // Only removing one's approve reaction withdraws an approval.
            case "ChangeApprovalRevoked" -> Optional.of(List.of(change.id(), event.detail("step").orElse(""), "",
                    event.actorId(), "revoked", time(event.at()), "reaction", "", notRequester));
            case "ChangeRejected" -> {
                // Rows recorded before rejections kept their provenance say "unknown".
                var roles = event.list("roles");
                yield Optional.of(List.of(change.id(), "", roles.map(Texts::list).orElse(UNKNOWN), event.actorId(),
                        "rejected: " + event.detail("reason").orElse(""), time(event.at()),
                        event.detail("via").orElse(UNKNOWN), roles.map(r -> yesNo(!r.isEmpty())).orElse(UNKNOWN),
                        notRequester));
            }
            case "StageApproved" -> {
                var roles = event.list("roles");
                yield Optional.of(List.of(change.id(), stage(event), roles.map(Texts::list).orElse(UNKNOWN), event.actorId(),
                        "approved", time(event.at()), event.detail("via").orElse(UNKNOWN),
                        roles.map(r -> yesNo(!r.isEmpty())).orElse(UNKNOWN), notRequester));
            }
            case "StageApprovalRevoked" -> Optional.of(List.of(change.id(), stage(event), "", event.actorId(), "revoked",
                    time(event.at()), "reaction", "", notRequester));
            case "ChangePreApproved" -> Optional.of(List.of(change.id(), "", "", "policy",
                    "pre-approved (class " + event.detail("class").orElse(change.className()) + ")", time(event.at()),
                    "policy", "", ""));
            default -> Optional.empty();
        };
    }

    /** "before production: Manual QA approval". */
    private static String stage(RecordedEvent event) {
        return "before " + event.detail("before").orElse("") + ": " + event.detail("step").orElse("");
    }
}
