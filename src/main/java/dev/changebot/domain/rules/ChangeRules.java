package dev.changebot.domain.rules;

import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.Policy;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that decides what may happen to a change: given the change, a command, who acts
 * and the situation, the events to record, or a refusal in the words the person reads. It reads
 * nothing and changes nothing; the caller applies and stores what it accepts.
 */
public final class ChangeRules {

    /** What is wrong with the command itself, whatever the change: decided before anything is read. */
    public Optional<String> invalid(ChangeId id, ChangeCommand command, Policy policy) {
        if (command instanceof ChangeCommand.Reject reject && reject.reason().isBlank()) {
            return Optional.of("Say why you reject " + id + ": the requester needs to know what to fix.");
        }
        if (command instanceof ChangeCommand.ReportIssue issue && issue.summary().isBlank()) {
            return Optional.of("Say what you saw on " + id + ": `/change issue " + id + " error rate up since the deploy`.");
        }
        if (command instanceof ChangeCommand.ReportDeployment deployment
                && !policy.environments().contains(deployment.environment())) {
            // Not echoed: what was typed could carry live Slack syntax, and the list says enough.
            return Optional.of("That is not an environment of this policy: " + id + " can be reported deployed to "
                    + String.join(", ", policy.environments()) + ".");
        }
        return Optional.empty();
    }

    /**
     * Whether deciding the command depends on the roles the person holds, so they must be looked
     * up first (which may ask the chat platform).
     */
    public boolean needsRoles(ChangeCommand command) {
        return command instanceof ChangeCommand.Approve || command instanceof ChangeCommand.Reject
                || command instanceof ChangeCommand.Start || command instanceof ChangeCommand.Satisfy;
    }

    public Verdict decide(Change change, ChangeCommand command, Actor actor, Situation situation) {
        // Once the work is under way, the same button, reaction and command give the approvals due at a stage.
        if (command instanceof ChangeCommand.Approve approve) {
            return StageApprovalRules.underWay(change)
                    ? StageApprovalRules.approve(change, approve, actor, situation)
                    : ReviewRules.approve(change, approve, actor, situation);
        }
        if (command instanceof ChangeCommand.Revoke revoke) {
            return StageApprovalRules.underWay(change) ? StageApprovalRules.revoke(change, revoke.reaction(), actor, situation)
                    : ReviewRules.revoke(change, revoke.reaction(), actor, situation);
        }
        if (command instanceof ChangeCommand.Reject reject) {
            return ReviewRules.reject(change, reject.reason(), reject.via(), actor, situation);
        }
        if (command instanceof ChangeCommand.Cancel) {
            return ReviewRules.cancel(change, actor, situation);
        }
        if (command instanceof ChangeCommand.Start start) {
            return WorkRules.start(change, start.justification(), actor, situation);
        }
        if (command instanceof ChangeCommand.ReportDeployment deployment) {
            return WorkRules.reportDeployment(change, deployment.environment(), deployment.percent(), actor, situation);
        }
        if (command instanceof ChangeCommand.Finish finish) {
            return WorkRules.finish(change, finish.outcome(), actor, situation);
        }
        if (command instanceof ChangeCommand.EndSoak soak) {
            return WorkRules.endSoak(change, soak.environment(), situation);
        }
        if (command instanceof ChangeCommand.Resolve) {
            return AftermathRules.resolve(change, actor, situation);
        }
        if (command instanceof ChangeCommand.ReportIssue issue) {
            return AftermathRules.reportIssue(change, issue.summary(), actor, situation);
        }
        if (command instanceof ChangeCommand.Satisfy satisfy) {
            return AftermathRules.satisfy(change, satisfy.obligation(), satisfy.answers(), actor, situation);
        }
        if (command instanceof ChangeCommand.FollowUpDue due) {
            return AftermathRules.followUpDue(change, due.obligation(), situation);
        }
        if (command instanceof ChangeCommand.RemindFollowUp remind) {
            return AftermathRules.remindFollowUp(change, remind.obligation(), situation);
        }
        throw new IllegalArgumentException("no rule for " + command);
    }

    /** Whether this person could approve the change now: what their App Home lists as awaiting them. */
    public boolean mayApprove(Change change, Actor actor, Situation situation) {
        return (StageApprovalRules.underWay(change) ? StageApprovalRules.mayApprove(change, false, actor, situation)
                : ReviewRules.mayApprove(change, actor, situation)).isAllowed();
    }

    /** Whether this person may meet the change's follow-up {@code obligation} now: told before any form is filled in. */
    public Decision maySatisfy(Change change, String obligation, Actor actor) {
        return AftermathRules.mayAnswer(change, obligation, actor);
    }

    /** Who may declare an emergency under the policy: its emergency class's declarers, or anyone when it names none. */
    public Decision mayDeclare(Actor actor, Policy policy) {
        var emergency = policy.emergencyClass();
        if (emergency.isEmpty()) {
            return Decision.refused("This policy has no emergency class (emergency: true).");
        }
        var declarers = emergency.get().declarers();
        if (!declarers.isEmpty() && Collections.disjoint(declarers, actor.roles())) {
            return Decision.refused("Only " + String.join(" or ", new TreeSet<>(declarers))
                    + " may declare an emergency change.");
        }
        return Decision.ALLOWED;
    }

    /** What an emergency declared now owes afterwards: the class's follow-ups for its severity, with their deadlines. */
    public List<Obligation> obligations(ChangeClass emergency, Optional<String> severity, Instant now, Policy policy) {
        return obligations(emergency, severity, Optional.empty(), now, policy);
    }

    /** As above; a follow-up for the verbal approver is theirs alone to satisfy. */
    public List<Obligation> obligations(ChangeClass emergency, Optional<String> severity,
                                        Optional<String> verbalApprovalBy, Instant now, Policy policy) {
        return emergency.followUps().stream().filter(f -> f.owedAtDeclaration(true) && f.owedAt(severity))
                .map(f -> {
                    var owed = Obligation.owed(f.name(), f.label(), f.within().earliestStart(now, policy.businessCalendar()),
                            f.roles(), f.notDeclarer(), f.asks());
                    return f.byVerbalApprover() && verbalApprovalBy.isPresent() ? owed.onlyBy(verbalApprovalBy.get()) : owed;
                })
                .toList();
    }

    /**
     * Whether {@code approver}, holding {@code approverRoles}, may be named as having approved an
     * emergency by word, where its class asks for it (POL-008: the CTO or CEO).
     */
    public Decision mayApproveByWord(ChangeClass emergency, Optional<String> approver, Set<String> approverRoles,
                                     Policy policy) {
        if (emergency.verbalApprovers().isEmpty()) {
            return Decision.ALLOWED;
        }
        var who = String.join(" or ", emergency.verbalApprovers().stream()
                .map(role -> policy.roles().containsKey(role) ? policy.roles().get(role).label() : role).toList());
        if (approver.isEmpty()) {
            return Decision.refused("This policy's emergencies need the verbal approval of the " + who
                    + " first: name who gave it with `--approved-by @name`.");
        }
        if (Collections.disjoint(emergency.verbalApprovers(), approverRoles)) {
            return Decision.refused("<@" + approver.get() + "> is not the " + who
                    + ": the verbal approval must come from one of them.");
        }
        return Decision.ALLOWED;
    }
}
