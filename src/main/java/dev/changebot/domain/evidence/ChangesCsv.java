package dev.changebot.domain.evidence;

import static dev.changebot.domain.evidence.Texts.list;
import static dev.changebot.domain.evidence.Texts.time;
import static dev.changebot.domain.evidence.Texts.yesNo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** changes.csv: the population — one row per change requested or declared in the period, by number. */
final class ChangesCsv {

    static final List<String> HEADER = List.of("id", "class", "title", "systems", "requester", "created", "approved",
            "approvers", "started", "deployed_first", "deployed_last", "outcome", "emergency", "follow_ups_due",
            "follow_ups_done", "overrides", "slack_permalink");

    private ChangesCsv() {
    }

    static byte[] of(List<ChangeRecord> changes) {
        var csv = new Csv(HEADER);
        changes.forEach(change -> csv.row(row(change)));
        return csv.bytes();
    }

    static List<String> row(ChangeRecord change) {
        var deployments = change.eventsOf("ChangeDeployed");
        return List.of(change.id(), change.className(), change.title(), change.systems().orElse(""),
                change.requesterId(), time(change.requestedAt()), time(approvedAt(change)), list(approvers(change)),
                time(change.first("ChangeStarted", "ChangeStartedByOverride", "EmergencyDeclared").map(RecordedEvent::at)),
                deployments.isEmpty() ? "" : time(deployments.get(0).at()),
                deployments.isEmpty() ? "" : time(deployments.get(deployments.size() - 1).at()),
                change.state().toLowerCase(Locale.ROOT).replace('_', ' '), yesNo(change.emergency()),
                list(change.followUps().stream().map(f -> f.name() + " " + time(f.dueAt())).toList()),
                list(change.followUps().stream().filter(f -> f.satisfiedAt().isPresent())
                        .map(f -> f.name() + " " + time(f.satisfiedAt()) + " by " + f.satisfiedBy().orElse("")).toList()),
                list(change.eventsOf("ChangeStartedByOverride").stream().map(ChangesCsv::override).toList()),
                change.permalink().orElse(""));
    }

    /**
     * When the change became approved: pre-approval, or the approval that completed its chain
     * (rows before approvals said so: the last approval of a change that moved past review).
     */
    static Optional<Instant> approvedAt(ChangeRecord change) {
        var pre = change.first("ChangePreApproved");
        if (pre.isPresent()) {
            return pre.map(RecordedEvent::at);
        }
        var approvals = change.eventsOf("ChangeApproved");
        var completing = approvals.stream().filter(a -> a.detail("completes").filter("true"::equals).isPresent()).findFirst();
        if (completing.isPresent()) {
            return completing.map(RecordedEvent::at);
        }
        boolean saySo = approvals.stream().anyMatch(a -> a.detail("completes").isPresent());
        boolean movedOn = !List.of("PENDING_APPROVAL", "REJECTED").contains(change.state())
                && change.first("ChangeCancelled").isEmpty();
        return !saySo && movedOn && !approvals.isEmpty() ? Optional.of(approvals.get(approvals.size() - 1).at())
                : Optional.empty();
    }

    /** Who approved, in order, without those who withdrew their approval afterwards. */
    static List<String> approvers(ChangeRecord change) {
        var approvers = new LinkedHashSet<String>();
        for (var event : change.events()) {
            if (event.is("ChangeApproved")) {
                approvers.add(event.actorId());
            } else if (event.is("ChangeApprovalRevoked")) {
                approvers.remove(event.actorId());
            }
        }
        return new ArrayList<>(approvers);
    }

    private static String override(RecordedEvent override) {
        return list(override.list("rules").orElse(List.of())) + " by "
                + String.join("+", override.list("signers").orElse(List.of(override.actorId()))) + " at " + time(override.at());
    }
}
