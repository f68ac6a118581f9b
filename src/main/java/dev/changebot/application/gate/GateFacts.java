package dev.changebot.application.gate;

import dev.changebot.application.port.AuditNotes;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.gate.GateCheck;
import dev.changebot.domain.gate.GateReason;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * A settled check is a fact of its change's record ("CI was allowed to deploy CHG-42 to production",
 * "...prevented: rejected"), written for the audit chain in the caller's transaction; once committed,
 * whoever waits on the check is told.
 */
@Singleton
public class GateFacts {

    private final AuditNotes notes;
    private final Transactions transactions;
    private final GateWaiters waiters;

    public GateFacts(AuditNotes notes, Transactions transactions, GateWaiters waiters) {
        this.notes = notes;
        this.transactions = transactions;
        this.waiters = waiters;
    }

    public void settled(GateCheck check, String actorId, Instant at) {
        var details = new LinkedHashMap<String, Object>();
        details.put("change", check.change().toString());
        details.put("check", check.publicId());
        details.put("environment", check.environment());
        check.service().ifPresent(service -> details.put("service", service));
        details.put("state", check.state().code());
        details.put("reasons", check.verdict().reasons().stream().map(GateReason::code).toList());
        var kind = switch (check.state()) {
            case ALLOWED -> "GateCheckAllowed";
            case PREVENTED -> "GateCheckPrevented";
            default -> "GateCheckInvalid";
        };
        notes.record(check.workspaceId(), kind, actorId, at, details);
        transactions.afterCommit(() -> waiters.settled(check.publicId()));
    }
}
