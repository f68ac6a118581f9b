package dev.changebot.domain.change;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a change is in its lifecycle. The allowed moves are this one table; the aggregate
 * refuses anything else, so an illegal transition is an error rather than a log line.
 */
public enum ChangeState {
    PENDING_APPROVAL,
    APPROVED,
    IN_PROGRESS,
    SOAKING,
    COMPLETED,
    REJECTED,
    CANCELLED,
    FAILED,
    ROLLED_BACK;

    private static final Map<ChangeState, Set<ChangeState>> NEXT = Map.of(
            PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, CANCELLED),
            APPROVED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(SOAKING, COMPLETED, FAILED, ROLLED_BACK),
            SOAKING, EnumSet.of(COMPLETED, FAILED, ROLLED_BACK),
            COMPLETED, EnumSet.noneOf(ChangeState.class),
            REJECTED, EnumSet.noneOf(ChangeState.class),
            CANCELLED, EnumSet.noneOf(ChangeState.class),
            FAILED, EnumSet.noneOf(ChangeState.class),
            ROLLED_BACK, EnumSet.noneOf(ChangeState.class));

    public boolean canMoveTo(ChangeState target) {
        return NEXT.get(this).contains(target);
    }

    /** Open changes still need someone to act on them; the others are history. */
    public boolean isOpen() {
        return !NEXT.get(this).isEmpty();
    }

    /** How the state reads to a person: "pending approval". */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
