package dev.changebot.domain.change;

import java.time.Instant;
import java.util.List;

/**
 * Everything a change was when it was stored, to rebuild it exactly as it was (no rules run).
 * Optional parts are null when absent: no rejection, no message yet, not an emergency...
 */
public record StoredChange(
        ChangeId id,
        String workspaceId,
        String requesterId,
        String originChannelId,
        String changeClass,
        ChangeDetails details,
        Instant requestedAt,
        ChangeState state,
        List<Approval> approvals,
        Rejection rejection,
        MessageRef message,
        PolicyException exception,
        OverrideRequest pendingOverride,
        Soak soak,
        int rolloutPercent,
        List<String> stagesPassed,
        Emergency emergency,
        String service,
        List<StageSignoff> stageSignoffs,
        List<Obligation> obligations) {

    public StoredChange {
        approvals = List.copyOf(approvals);
        stagesPassed = List.copyOf(stagesPassed);
        stageSignoffs = List.copyOf(stageSignoffs);
        obligations = obligations == null ? List.of() : List.copyOf(obligations);
    }

    /** A change with no approval given during its deployment and nothing owed (or stored before changes recorded them). */
    public StoredChange(ChangeId id, String workspaceId, String requesterId, String originChannelId, String changeClass,
                        ChangeDetails details, Instant requestedAt, ChangeState state, List<Approval> approvals,
                        Rejection rejection, MessageRef message, PolicyException exception,
                        OverrideRequest pendingOverride, Soak soak, int rolloutPercent, List<String> stagesPassed,
                        Emergency emergency, String service) {
        this(id, workspaceId, requesterId, originChannelId, changeClass, details, requestedAt, state, approvals,
                rejection, message, exception, pendingOverride, soak, rolloutPercent, stagesPassed, emergency, service,
                List.of(), List.of());
    }

    /** A change of a policy without services (or stored before changes recorded theirs). */
    public StoredChange(ChangeId id, String workspaceId, String requesterId, String originChannelId, String changeClass,
                        ChangeDetails details, Instant requestedAt, ChangeState state, List<Approval> approvals,
                        Rejection rejection, MessageRef message, PolicyException exception,
                        OverrideRequest pendingOverride, Soak soak, int rolloutPercent, List<String> stagesPassed,
                        Emergency emergency) {
        this(id, workspaceId, requesterId, originChannelId, changeClass, details, requestedAt, state, approvals,
                rejection, message, exception, pendingOverride, soak, rolloutPercent, stagesPassed, emergency, null);
    }
}
