package dev.changebot.domain.change;

/**
 * What an emergency change goes through after its fix, part of its aggregate: resolution, and the
 * follow-up obligations met or missed. The change's state still moves only through
 * {@link Change#moveTo}.
 */
final class Aftermath {

    private final Change change;
    Emergency emergency;

    Aftermath(Change change) {
        this.change = change;
    }

    /** True when the event was about the emergency's aftermath, now applied. */
    boolean apply(ChangeEvent event) {
        if (event instanceof ChangeEvent.EmergencyResolved) {
            // What is still owed decides whether the emergency closes or waits for its follow-ups.
            change.moveTo(ChangeState.RESOLVED);
            change.moveTo(emergency.anyOpen() ? ChangeState.FOLLOW_UPS_PENDING : ChangeState.CLOSED);
        } else if (event instanceof ChangeEvent.ObligationSatisfied satisfied) {
            emergency = emergency.satisfied(satisfied.obligation(), satisfied.actorId(), satisfied.occurredAt(),
                    satisfied.answers());
            if ((change.state() == ChangeState.FOLLOW_UPS_PENDING || change.state() == ChangeState.OVERDUE)
                    && !emergency.anyOpen()) {
                change.moveTo(ChangeState.CLOSED);
            }
        } else if (event instanceof ChangeEvent.ObligationOverdue overdue) {
            // Recorded once, with the original due time; the obligation stays open.
            emergency = emergency.overdue(overdue.obligation());
            if (change.state() == ChangeState.FOLLOW_UPS_PENDING) {
                change.moveTo(ChangeState.OVERDUE);
            }
        } else {
            return false;
        }
        return true;
    }
}
