package dev.changebot.domain.rules;

import dev.changebot.domain.approval.ApprovalChain;
import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeState;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/** Approving, withdrawing an approval, rejecting and cancelling: the review of a change before work. */
final class ReviewRules {

    private ReviewRules() {
    }

    /**
     * The step now open, by someone holding one of its roles, in order, not the requester unless the
     * policy allows it, and a different person per step where the policy says so.
     */
    static Verdict approve(Change change, ChangeCommand.Approve approve, Actor actor, Situation situation) {
        var reaction = otherReaction(change, approve.reaction(), situation);
        if (reaction.isPresent()) {
            return reaction.get();
        }
        if (approve.rollback()) {
            // Consent to a rollback is not an approval of the change.
            return new Verdict.Refused(change.id() + " is " + change.state().label()
                    + "; a rollback is approved only while its work is under way.");
        }
        return approve(change, approve.via(), actor, situation);
    }

    /** A reaction other than the policy's approve reaction (one a stage approval names) approves nothing before the work starts. */
    private static java.util.Optional<Verdict> otherReaction(Change change, java.util.Optional<String> reaction,
                                                            Situation situation) {
        var standard = situation.policy().approvals().approveReaction();
        return reaction.filter(name -> !name.equals(standard)).map(name -> new Verdict.Refused(":" + name
                + ": approves " + change.id() + " only during its deployment; before the work starts, approve with :"
                + standard + ": or the Approve button."));
    }

    private static Verdict approve(Change change, ApprovalVia via, Actor actor, Situation situation) {
        var chain = ChangeApprovals.chain(situation.policy(), change);
        var progress = chain.progress(ChangeApprovals.stepApprovals(change));
        if (mayApprove(change, actor, situation, chain, progress) instanceof Decision.Refused refused) {
            return new Verdict.Refused(refused.reason());
        }
        var open = progress.current().orElseThrow();
        boolean last = open.missing() == 1 && progress.steps().stream().filter(s -> !s.done()).count() == 1;
        // The roles that made this approval count, as held now: the evidence shows them, since
        // membership may change after the fact.
        var counted = new TreeSet<>(open.step().roles());
        counted.retainAll(actor.roles());
        return Verdict.Accepted.of(new ChangeEvent.ChangeApproved(change.id(), actor.userId(), situation.now(),
                open.number(), last, via, List.copyOf(counted)));
    }

    /** Whether this person may approve the change now; the refusal says why, in their words. */
    static Decision mayApprove(Change change, Actor actor, Situation situation) {
        var chain = ChangeApprovals.chain(situation.policy(), change);
        return mayApprove(change, actor, situation, chain, chain.progress(ChangeApprovals.stepApprovals(change)));
    }

    /** As {@link #mayApprove(Change, Actor, Situation)}, on the change's chain and ladder worked out once. */
    private static Decision mayApprove(Change change, Actor actor, Situation situation, ApprovalChain chain,
                                       ChainProgress progress) {
        if (change.state() != ChangeState.PENDING_APPROVAL) {
            return Decision.refused(change.id() + " is " + change.state().label() + "; there is nothing left to approve.");
        }
        var policy = situation.policy();
        if (change.requesterId().equals(actor.userId()) && !policy.approvals().requesterMayApprove()) {
            return Decision.refused("You " + declaredOrRequested(change) + change.id()
                    + ", so you cannot approve it: the policy needs someone else to review your change.");
        }
        if (chain.isEmpty()) {
            return Decision.refused(change.id() + "'s class '" + change.changeClass()
                    + "' is not in the current policy, so nobody can approve it; ask the policy's owner.");
        }
        return chain.mayApprove(progress, change.requesterId(), actor.userId(), actor.roles());
    }

    /**
     * An approval may be withdrawn while its step is still open; once the step is complete, the
     * approval stands (later steps may already rely on it).
     */
    static Verdict revoke(Change change, java.util.Optional<String> reaction, Actor actor, Situation situation) {
        var other = otherReaction(change, reaction, situation);
        if (other.isPresent()) {
            return other.get();
        }
        if (change.state() != ChangeState.PENDING_APPROVAL) {
            return new Verdict.Refused(change.id() + " is " + change.state().label()
                    + "; approvals can no longer be withdrawn.");
        }
        var open = ChangeApprovals.progress(situation.policy(), change).current();
        if (open.isEmpty() || change.approvals().stream().noneMatch(a -> a.approverId().equals(actor.userId())
                && a.step() == open.get().number())) {
            return new Verdict.Refused("You have no approval on the step now open of " + change.id() + " to withdraw.");
        }
        return Verdict.Accepted.of(new ChangeEvent.ChangeApprovalRevoked(change.id(), actor.userId(), situation.now(),
                open.get().number()));
    }

    /** The requester withdraws by cancelling instead; anyone holding a role of the chain may reject, with a reason. */
    static Verdict reject(Change change, String reason, ApprovalVia via, Actor actor, Situation situation) {
        if (change.state() != ChangeState.PENDING_APPROVAL) {
            return new Verdict.Refused(change.id() + " is " + change.state().label() + "; it can no longer be rejected.");
        }
        if (change.requesterId().equals(actor.userId())) {
            return new Verdict.Refused("You " + declaredOrRequested(change) + change.id()
                    + "; to withdraw it, use `/change cancel " + change.id() + "`.");
        }
        var approverRoles = new TreeSet<String>();
        ChangeApprovals.steps(situation.policy(), change).forEach(step -> approverRoles.addAll(step.roles()));
        if (Collections.disjoint(approverRoles, actor.roles())) {
            return new Verdict.Refused("Only approvers of " + change.id() + " (" + String.join(", ", approverRoles)
                    + ") can reject it.");
        }
        // The roles that made this rejection count, as held now (membership may change after the fact).
        var counted = new TreeSet<>(approverRoles);
        counted.retainAll(actor.roles());
        return Verdict.Accepted.of(new ChangeEvent.ChangeRejected(change.id(), actor.userId(), situation.now(),
                reason.strip(), via, List.copyOf(counted)));
    }

    /** Only the requester withdraws a change, and only before work on it has started. */
    static Verdict cancel(Change change, Actor actor, Situation situation) {
        if (!change.requesterId().equals(actor.userId())) {
            return new Verdict.Refused("Only the requester of " + change.id() + " can cancel it.");
        }
        if (!change.lifecycle().allows(change.state(), ChangeState.CANCELLED)) {
            return new Verdict.Refused(change.id() + " is " + change.state().label() + "; it can no longer be cancelled.");
        }
        return Verdict.Accepted.of(new ChangeEvent.ChangeCancelled(change.id(), actor.userId(), situation.now()));
    }

    private static String declaredOrRequested(Change change) {
        return change.isEmergency() ? "declared " : "requested ";
    }
}
