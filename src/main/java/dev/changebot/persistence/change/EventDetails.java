package dev.changebot.persistence.change;

import dev.changebot.domain.change.ChangeEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The event-specific part of an audit row, as JSON: what a reader needs beyond who, what and when. */
@Singleton
class EventDetails {

    private final JsonMapper json;

    EventDetails(JsonMapper json) {
        this.json = json;
    }

    String of(ChangeEvent event) {
        Map<String, Object> details = Map.of();
        if (event instanceof ChangeEvent.ChangeRequested requested) {
            details = Map.of("title", requested.title());
        } else if (event instanceof ChangeEvent.ChangeRejected rejected) {
            details = Map.of("reason", rejected.reason(), "via", rejected.via().word(), "roles", rejected.roles());
        } else if (event instanceof ChangeEvent.ChangeApproved approved) {
            details = Map.of("step", approved.step(), "via", approved.via().word(), "roles", approved.roles(),
                    "completes", approved.completesChain());
        } else if (event instanceof ChangeEvent.ChangeStartedByOverride override) {
            details = Map.of("justification", override.justification(), "rules", override.rules(),
                    "signers", override.signers());
        } else if (event instanceof ChangeEvent.ChangeOverrideSigned signed) {
            details = Map.of("justification", signed.justification(), "rules", signed.rules(), "roles", signed.roles());
        } else if (event instanceof ChangeEvent.ChangeDeployed deployed) {
            details = deployed.soakUntil() == null ? Map.of("environment", deployed.label())
                    : Map.of("environment", deployed.label(), "soakUntil", deployed.soakUntil().toString());
        } else if (event instanceof ChangeEvent.ChangeSoakCompleted soaked) {
            details = Map.of("environment", soaked.environment());
        } else if (event instanceof ChangeEvent.ChangeRetried retried) {
            details = Map.of("after", retried.after().name());
        } else if (event instanceof ChangeEvent.ChangeFinished finished) {
            details = Map.of("outcome", finished.outcome().name());
        } else if (event instanceof ChangeEvent.EmergencyDeclared declared) {
            details = declared.verbalApprovalBy().map(by -> Map.<String, Object>of("summary", declared.summary(),
                    "incidentCommander", declared.declaredBy(), "verbalApprovalBy", by))
                    .orElse(Map.of("summary", declared.summary(), "incidentCommander", declared.declaredBy()));
        } else if (event instanceof ChangeEvent.ObligationSatisfied satisfied) {
            details = Map.of("obligation", satisfied.obligation(), "answers", satisfied.answers());
        } else if (event instanceof ChangeEvent.FollowUpsOwed owed) {
            details = Map.of("after", owed.after(), "owed", owed.owed().stream()
                    .map(o -> Map.of("obligation", o.name(), "dueAt", o.dueAt().toString())).toList());
        } else if (event instanceof ChangeEvent.IssueReported issue) {
            details = Map.of("summary", issue.summary());
        } else if (event instanceof ChangeEvent.ObligationOverdue overdue) {
            details = Map.of("obligation", overdue.obligation(), "dueAt", overdue.dueAt().toString());
        } else if (event instanceof ChangeEvent.ChangeApprovalRevoked revoked) {
            details = Map.of("step", revoked.step());
        } else if (event instanceof ChangeEvent.StageApproved approved) {
            details = Map.of("before", approved.before(), "step", approved.step(), "via", approved.via().word(),
                    "roles", approved.roles(), "completes", approved.completes());
        } else if (event instanceof ChangeEvent.StageApprovalRevoked revoked) {
            details = Map.of("before", revoked.before(), "step", revoked.step());
        } else if (event instanceof ChangeEvent.StageApprovalSkipped skipped) {
            details = Map.of("before", skipped.before(), "step", skipped.step(), "missing", skipped.missing());
        } else if (event instanceof ChangeEvent.ChangePreApproved preApproved) {
            details = Map.of("class", preApproved.changeClass());
        }
        try {
            return json.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
