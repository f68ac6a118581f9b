package dev.changebot.domain.change;

import dev.changebot.domain.approval.Decision;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

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

    /** The fix is in: what is still owed decides whether the emergency closes or waits for follow-ups. */
    ChangeEvent.EmergencyResolved resolve(String userId, Instant now) {
        change.moveTo(ChangeState.RESOLVED);
        change.moveTo(emergency.anyOpen() ? ChangeState.FOLLOW_UPS_PENDING : ChangeState.CLOSED);
        return new ChangeEvent.EmergencyResolved(change.id(), userId, now);
    }

    /** Whether this person may satisfy that obligation: not the declarer where the policy says so, a named role. */
    Decision mayAnswer(String obligation, String userId, Set<String> roles) {
        return (emergency != null) ? emergency.mayAnswer(change.id(), change.requesterId(),
                change.approvals().stream().map(Approval::approverId).collect(java.util.stream.Collectors.toSet()),
                obligation, userId, roles)
                : Decision.refused(change.id() + " is not an emergency; it owes no follow-ups.");
    }

    ChangeEvent.ObligationSatisfied satisfy(String obligation, String userId, Set<String> roles,
                                                   java.util.Map<String, String> answers, Instant now) {
        if (mayAnswer(obligation, userId, roles) instanceof Decision.Refused refused) {
            throw new ChangeRefusedException(refused.reason());
        }
        emergency = emergency.satisfied(obligation, userId, now, answers);
        if ((change.state() == ChangeState.FOLLOW_UPS_PENDING || change.state() == ChangeState.OVERDUE) && !emergency.anyOpen()) {
            change.moveTo(ChangeState.CLOSED);
        }
        return new ChangeEvent.ObligationSatisfied(change.id(), userId, now, obligation, answers);
    }

    /** The deadline passed: recorded once, with the original due time; the obligation stays open. */
    Optional<ChangeEvent.ObligationOverdue> markOverdue(String obligation, Instant now) {
        var pending = Optional.ofNullable(emergency).flatMap(e -> e.pending(obligation));
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        emergency = emergency.overdue(obligation);
        if (change.state() == ChangeState.FOLLOW_UPS_PENDING) {
            change.moveTo(ChangeState.OVERDUE);
        }
        return Optional.of(new ChangeEvent.ObligationOverdue(change.id(), "changebot", now, obligation, pending.get().dueAt()));
    }
}
