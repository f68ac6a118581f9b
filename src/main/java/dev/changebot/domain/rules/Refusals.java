package dev.changebot.domain.rules;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;

/** Refusals several rules share, worded once. */
public final class Refusals {

    private Refusals() {
    }

    /** Where the change stands says why it cannot move to {@code to}, and what would let it. */
    public static String illegalMove(ChangeId id, ChangeState from, ChangeState to) {
        if (from == ChangeState.APPROVED) {
            return id + " has not started yet: `/change start " + id + "` first.";
        }
        if (from == ChangeState.PENDING_APPROVAL || from == ChangeState.DRAFT) {
            return id + " is still waiting for approval: `/change show " + id + "` says whose.";
        }
        if (!from.isOpen()) {
            return id + " is already " + from.label() + "; nothing more can happen to it.";
        }
        return id + " is " + from.label() + "; it cannot be " + to.label() + " now. `/change show "
                + id + "` says what comes next.";
    }
}
