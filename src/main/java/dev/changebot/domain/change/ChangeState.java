package dev.changebot.domain.change;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a change is in its lifecycle. Which moves are allowed depends on the kind of change and
 * lives in one table per kind, {@link Lifecycle}.
 */
public enum ChangeState {
    DRAFT,
    PENDING_APPROVAL,
    APPROVED,
    IN_PROGRESS,
    SOAKING,
    COMPLETED,
    REJECTED,
    CANCELLED,
    FAILED,
    ROLLED_BACK,
    /** Emergency: the fix is in; what the policy owes afterwards comes next. */
    RESOLVED,
    FOLLOW_UPS_PENDING,
    /** Emergency: a follow-up missed its deadline; stays visible until satisfied. */
    OVERDUE,
    CLOSED;

    private static final Set<ChangeState> FINISHED = EnumSet.of(COMPLETED, REJECTED, CANCELLED, FAILED, ROLLED_BACK,
            CLOSED);

    /** Open changes still need someone to act on them; the others are history. */
    public boolean isOpen() {
        return !FINISHED.contains(this);
    }

    /** How the state reads to a person: "pending approval". */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
