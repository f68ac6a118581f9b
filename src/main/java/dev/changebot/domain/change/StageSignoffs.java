package dev.changebot.domain.change;

import dev.changebot.domain.change.ChangeEvent.StageApprovalRevoked;
import dev.changebot.domain.change.ChangeEvent.StageApprovalSkipped;
import dev.changebot.domain.change.ChangeEvent.StageApproved;
import java.util.ArrayList;
import java.util.List;

/**
 * The approvals given during the deployment, part of the change's aggregate: given while the work is
 * under way, withdrawn before their stage is reached. Whether they were due and who may give them is
 * the rules' question; this only records what they decided.
 */
final class StageSignoffs {

    private final Change change;
    final List<StageSignoff> signoffs = new ArrayList<>();

    StageSignoffs(Change change) {
        this.change = change;
    }

    /** True when the event was a stage approval, its withdrawal or a note that one was skipped, now applied. */
    boolean apply(ChangeEvent event) {
        if (!(event instanceof StageApproved || event instanceof StageApprovalRevoked
                || event instanceof StageApprovalSkipped)) {
            return false;
        }
        if (change.state() != ChangeState.IN_PROGRESS && change.state() != ChangeState.SOAKING) {
            // Stage approvals belong to work under way.
            throw new IllegalTransitionException(change.id(), change.state(), ChangeState.IN_PROGRESS);
        }
        if (event instanceof StageApproved approved) {
            signoffs.add(new StageSignoff(approved.before(), approved.step(), approved.actorId(), approved.occurredAt(),
                    approved.roles()));
        } else if (event instanceof StageApprovalRevoked revoked) {
            signoffs.removeIf(s -> s.of(revoked.before(), revoked.step()) && s.approverId().equals(revoked.actorId()));
        }
        // A skipped approval changes nothing: it is a note in the audit trail, next to what happened without it.
        return true;
    }

    /**
     * A retry deploys from the start again (its stages passed are cleared too): an approval given before a
     * stage of the failed attempt approved that attempt, so each stage asks again. The audit trail keeps them.
     */
    void startOver() {
        signoffs.clear();
    }
}
