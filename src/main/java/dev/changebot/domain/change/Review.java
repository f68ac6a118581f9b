package dev.changebot.domain.change;

import dev.changebot.domain.change.ChangeEvent.ChangeApprovalRevoked;
import dev.changebot.domain.change.ChangeEvent.ChangeApproved;
import java.util.ArrayList;
import java.util.List;

/**
 * The approvals of a change, part of its aggregate: given step by step, withdrawn while their step
 * is open. Who may approve is the rules' question; this only records what they decided.
 */
final class Review {

    private final Change change;
    final List<Approval> approvals = new ArrayList<>();

    Review(Change change) {
        this.change = change;
    }

    /** True when the event was an approval or its withdrawal, now applied. */
    boolean apply(ChangeEvent event) {
        if ((event instanceof ChangeApproved || event instanceof ChangeApprovalRevoked)
                && change.state() != ChangeState.PENDING_APPROVAL) {
            // Approvals count only while the change waits for them.
            throw new IllegalTransitionException(change.id(), change.state(), ChangeState.APPROVED);
        }
        if (event instanceof ChangeApproved approved) {
            approvals.add(new Approval(approved.actorId(), approved.occurredAt(), approved.step()));
            if (approved.completesChain()) {
                // An emergency does not wait for a start: its approvals were all that held it.
                change.moveTo(change.isEmergency() ? ChangeState.IN_PROGRESS : ChangeState.APPROVED);
            }
            return true;
        }
        if (event instanceof ChangeApprovalRevoked revoked) {
            approvals.removeIf(a -> a.approverId().equals(revoked.actorId()) && a.step() == revoked.step());
            return true;
        }
        return false;
    }
}
