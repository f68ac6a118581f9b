package dev.changebot.domain.change;

import static dev.changebot.domain.change.ChangeState.APPROVED;
import static dev.changebot.domain.change.ChangeState.CANCELLED;
import static dev.changebot.domain.change.ChangeState.CLOSED;
import static dev.changebot.domain.change.ChangeState.COMPLETED;
import static dev.changebot.domain.change.ChangeState.DRAFT;
import static dev.changebot.domain.change.ChangeState.FAILED;
import static dev.changebot.domain.change.ChangeState.FOLLOW_UPS_PENDING;
import static dev.changebot.domain.change.ChangeState.IN_PROGRESS;
import static dev.changebot.domain.change.ChangeState.OVERDUE;
import static dev.changebot.domain.change.ChangeState.PENDING_APPROVAL;
import static dev.changebot.domain.change.ChangeState.REJECTED;
import static dev.changebot.domain.change.ChangeState.RESOLVED;
import static dev.changebot.domain.change.ChangeState.ROLLED_BACK;
import static dev.changebot.domain.change.ChangeState.SOAKING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed moves, one table per kind of change. Anything not in the table is refused by the
 * aggregate (an exception, not a log line).
 */
public enum Lifecycle {

    /**
     * draft → pending approval → approved → in progress → soaking → completed; or rejected, cancelled,
     * failed, rolled back — and from those two, in progress again for a retry in a fallback window.
     */
    NORMAL(Map.of(
            DRAFT, EnumSet.of(PENDING_APPROVAL, CANCELLED),
            PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, CANCELLED),
            APPROVED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(SOAKING, COMPLETED, FAILED, ROLLED_BACK),
            // Back to in progress: the next step of a staged rollout, after its soak.
            SOAKING, EnumSet.of(IN_PROGRESS, COMPLETED, FAILED, ROLLED_BACK),
            // A retry in the class's fallback window ("Second Tuesday if first window fails").
            FAILED, EnumSet.of(IN_PROGRESS),
            ROLLED_BACK, EnumSet.of(IN_PROGRESS))),

    /** in progress → resolved → follow-ups pending → closed, or overdue until its follow-ups are done. */
    EMERGENCY(Map.of(
            // Only when the emergency class asks for approvals before work (POL-012: "proceed with
            // 1 approval"); otherwise an emergency starts in progress.
            PENDING_APPROVAL, EnumSet.of(IN_PROGRESS, REJECTED, CANCELLED),
            IN_PROGRESS, EnumSet.of(RESOLVED, ROLLED_BACK, FAILED),
            RESOLVED, EnumSet.of(FOLLOW_UPS_PENDING, CLOSED),
            FOLLOW_UPS_PENDING, EnumSet.of(CLOSED, OVERDUE),
            OVERDUE, EnumSet.of(CLOSED),
            // A failed or rolled-back emergency still owes its review.
            ROLLED_BACK, EnumSet.of(FOLLOW_UPS_PENDING),
            FAILED, EnumSet.of(FOLLOW_UPS_PENDING)));

    private final Map<ChangeState, Set<ChangeState>> moves;

    Lifecycle(Map<ChangeState, Set<ChangeState>> moves) {
        var copy = new EnumMap<ChangeState, Set<ChangeState>>(ChangeState.class);
        moves.forEach((from, to) -> copy.put(from, Set.copyOf(to)));
        this.moves = copy;
    }

    public boolean allows(ChangeState from, ChangeState to) {
        return moves.getOrDefault(from, Set.of()).contains(to);
    }

    /** Where a change of this kind starts; an emergency waits only when its class asks for approvals first. */
    public ChangeState initial(boolean needsApproval) {
        return this == NORMAL || needsApproval ? PENDING_APPROVAL : IN_PROGRESS;
    }
}
