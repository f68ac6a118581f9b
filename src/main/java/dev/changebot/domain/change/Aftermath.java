package dev.changebot.domain.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a change goes through after its work, part of its aggregate: an emergency's resolution, and
 * the follow-ups any change owes (after its declaration, a deployment, a rollback, an issue...),
 * met or missed. The change's state still moves only through {@link Change#moveTo}; follow-ups
 * move an emergency's state (it closes once none is open), never another change's.
 */
final class Aftermath {

    private final Change change;
    Emergency emergency;
    List<Obligation> obligations = List.of();

    Aftermath(Change change) {
        this.change = change;
    }

    /** True when the event was about the aftermath, now applied. */
    boolean apply(ChangeEvent event) {
        if (event instanceof ChangeEvent.EmergencyResolved) {
            // What is still owed decides whether the emergency closes or waits for its follow-ups.
            change.moveTo(ChangeState.RESOLVED);
            change.moveTo(anyOpen() ? ChangeState.FOLLOW_UPS_PENDING : ChangeState.CLOSED);
        } else if (event instanceof ChangeEvent.FollowUpsOwed owed) {
            // Recorded just before the event that started them, so that event's own move sees them open.
            var all = new ArrayList<>(obligations);
            all.addAll(owed.owed());
            obligations = List.copyOf(all);
        } else if (event instanceof ChangeEvent.IssueReported) {
            // A fact for the record (and for the follow-ups it starts): nothing moves.
            return true;
        } else if (event instanceof ChangeEvent.ObligationSatisfied satisfied) {
            obligations = replace(satisfied.obligation(),
                    o -> o.satisfied(satisfied.actorId(), satisfied.occurredAt(), satisfied.answers()));
            if ((change.state() == ChangeState.FOLLOW_UPS_PENDING || change.state() == ChangeState.OVERDUE)
                    && !anyOpen()) {
                change.moveTo(ChangeState.CLOSED);
            }
        } else if (event instanceof ChangeEvent.ObligationOverdue overdue) {
            // Recorded once, with the original due time; the obligation stays open.
            obligations = replace(overdue.obligation(), Obligation::overdue);
            if (change.state() == ChangeState.FOLLOW_UPS_PENDING) {
                change.moveTo(ChangeState.OVERDUE);
            }
        } else {
            return false;
        }
        return true;
    }

    boolean anyOpen() {
        return obligations.stream().anyMatch(Obligation::isOpen);
    }

    /** The obligation still pending under that name, if its deadline has not been recorded as missed yet. */
    Optional<Obligation> pending(String name) {
        return obligations.stream().filter(o -> o.name().equals(name) && o.status() == Obligation.Status.PENDING)
                .findFirst();
    }

    private List<Obligation> replace(String name, java.util.function.UnaryOperator<Obligation> change) {
        return obligations.stream().map(o -> o.name().equals(name) ? change.apply(o) : o).toList();
    }
}
