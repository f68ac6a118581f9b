package dev.changebot.domain.rules;

import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.Approval;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.notice.WhoIsTold;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** An emergency after its fix: resolving it, and the follow-ups it owes, met or missed. */
final class AftermathRules {

    private AftermathRules() {
    }

    /** The incident commander (or the declarer) says the fix is in. */
    static Verdict resolve(Change change, Actor actor, Situation situation) {
        var id = change.id();
        if (!change.isEmergency()) {
            return new Verdict.Refused(id + " is not an emergency change; only emergencies are resolved.");
        }
        if (!actor.userId().equals(change.requesterId()) && !change.incidentCommander().orElse("").equals(actor.userId())) {
            return new Verdict.Refused("Only the incident commander of " + id + " resolves it.");
        }
        if (!change.lifecycle().allows(change.state(), ChangeState.RESOLVED)) {
            return new Verdict.Refused(id + " is " + change.state().label() + ".");
        }
        return Verdict.Accepted.of(new ChangeEvent.EmergencyResolved(id, actor.userId(), situation.now()));
    }

    static Verdict satisfy(Change change, String obligation, Map<String, String> answers, Actor actor,
                           Situation situation) {
        if (mayAnswer(change, obligation, actor) instanceof Decision.Refused refused) {
            return new Verdict.Refused(refused.reason());
        }
        return Verdict.Accepted.of(new ChangeEvent.ObligationSatisfied(change.id(), actor.userId(), situation.now(),
                obligation, answers));
    }

    /**
     * Where the policy says "not the declarer", someone independent of the decision: not the
     * declarer, not the commander, and not whoever approved the emergency before it went ahead
     * (a retroactive second approval comes from a second person); someone holding a named role, if any.
     */
    static Decision mayAnswer(Change change, String name, Actor actor) {
        var id = change.id();
        if (change.obligations().isEmpty()) {
            return Decision.refused(id + " owes no follow-ups.");
        }
        var found = change.obligations().stream().filter(o -> o.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            return Decision.refused(id + " owes no '" + name + "'.");
        }
        var o = found.get();
        if (!o.isOpen()) {
            return Decision.refused(o.label() + " of " + id + " is already done.");
        }
        var userId = actor.userId();
        if (o.onlyBy().isPresent() && !o.onlyBy().get().equals(userId)) {
            return Decision.refused(o.label() + " of " + id + " is <@" + o.onlyBy().get() + ">'s to give: they gave"
                    + " the verbal approval.");
        }
        if (o.notDeclarer() && (userId.equals(change.requesterId()) || change.incidentCommander().orElse("").equals(userId))) {
            return Decision.refused("You " + (change.isEmergency() ? "declared " : "requested ") + id + ", so its "
                    + o.label() + " must come from someone else.");
        }
        var approvers = change.approvals().stream().map(Approval::approverId).collect(Collectors.toSet());
        if (o.notDeclarer() && approvers.contains(userId)) {
            return Decision.refused("You approved " + id + " before it went ahead, so its " + o.label()
                    + " must come from someone else.");
        }
        if (!o.roles().isEmpty() && Collections.disjoint(o.roles(), actor.roles())) {
            return Decision.refused(o.label() + " of " + id + " takes " + String.join(" or ", new TreeSet<>(o.roles())) + ".");
        }
        return Decision.ALLOWED;
    }

    /**
     * A production issue reported on a change that has gone ahead: recorded, and the follow-ups it
     * starts (a rollback decision within 15 minutes) owed. Anyone may report one.
     */
    static Verdict reportIssue(Change change, String summary, Actor actor, Situation situation) {
        var state = change.state();
        if (state == ChangeState.PENDING_APPROVAL || state == ChangeState.APPROVED) {
            return new Verdict.Refused(change.id() + " has not started: nothing of it is in production to have an issue.");
        }
        if (state == ChangeState.REJECTED || state == ChangeState.CANCELLED) {
            return new Verdict.Refused(change.id() + " is " + state.label() + ": it never went ahead.");
        }
        return Verdict.Accepted.of(new ChangeEvent.IssueReported(change.id(), actor.userId(), situation.now(), summary));
    }

    /** The follow-up a timer rang for, if the change went ahead and it is still open. */
    static Verdict stillOwed(Change change, String name, java.util.function.Function<Obligation, Verdict> then) {
        if (change.state() == ChangeState.REJECTED || change.state() == ChangeState.CANCELLED) {
            return new Verdict.Ignored("nothing to do: the emergency did not go ahead");
        }
        Optional<Obligation> open = change.obligations().stream().filter(o -> o.name().equals(name) && o.isOpen()).findFirst();
        return open.map(then).orElseGet(() -> new Verdict.Ignored("nothing to do: already satisfied"));
    }

    /** The follow-up's reminder is due: those who owe it are told; nothing is recorded. */
    static Verdict remindFollowUp(Change change, String name, Situation situation) {
        return stillOwed(change, name, obligation -> Verdict.Accepted.telling(
                WhoIsTold.followUpReminder(change, obligation, situation.roleMembers())));
    }

    /** The deadline passed: recorded once, with the original due time; the obligation stays open. */
    static Verdict followUpDue(Change change, String name, Situation situation) {
        return stillOwed(change, name, obligation -> change.pendingObligation(name)
                .<Verdict>map(pending -> Verdict.Accepted.of(new ChangeEvent.ObligationOverdue(change.id(),
                        Actor.CHANGEBOT.userId(), situation.now(), name, pending.dueAt())))
                .orElseGet(() -> new Verdict.Ignored("nothing to do: already overdue")));
    }
}
