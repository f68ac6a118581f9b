package dev.changebot.domain.rules;

import dev.changebot.domain.approval.StageApprovals;
import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StageApproval;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Approving during the deployment: an approval the policy asks for before a stage is given once it
 * is due, by someone holding one of its roles, not the requester unless the policy allows it, one
 * person once (and, where the policy says one person per step, not for two approvals before the same
 * stage); withdrawn by removing one's reaction until its stage is reached.
 */
final class StageApprovalRules {

    private StageApprovalRules() {
    }

    /** Whether the change is at the point where approvals are given during the deployment, not before the start. */
    static boolean underWay(Change change) {
        return !change.isEmergency() && (change.state() == ChangeState.IN_PROGRESS || change.state() == ChangeState.SOAKING);
    }

    /**
     * The approval due now that this person's approval counts for: one before a rollback when the command
     * asks for that, else one before a deployment; given by reaction, one that reaction gives.
     */
    static Verdict approve(Change change, ChangeCommand.Approve approve, Actor actor, Situation situation) {
        var via = approve.via();
        var choice = choose(change, approve.rollback(), approve.reaction(), actor, situation);
        if (choice.refusal().isPresent()) {
            return new Verdict.Refused(choice.refusal().get());
        }
        var status = choice.status().orElseThrow();
        var approval = status.approval();
        List<String> roles;
        if (approval.all()) {
            // One person per role: this approval counts for the first role still missing that they hold.
            roles = List.of(status.rolesMissing().stream().filter(actor.roles()::contains).findFirst().orElseThrow());
        } else {
            var counted = new TreeSet<>(approval.roles());
            counted.retainAll(actor.roles());
            roles = List.copyOf(counted);
        }
        boolean completes = status.missing() == 1;
        return Verdict.Accepted.of(new ChangeEvent.StageApproved(change.id(), actor.userId(), situation.now(),
                approval.before(), approval.step(), via, roles, completes));
    }

    /** Whether this person could give an approval of the change now (their App Home lists it). */
    static Decision mayApprove(Change change, boolean rollback, Actor actor, Situation situation) {
        return choose(change, rollback, Optional.empty(), actor, situation).refusal().map(Decision::refused).orElse(Decision.ALLOWED);
    }

    /**
     * The reaction removed: the approval this person gave with it that is still before its stage is
     * withdrawn (an approval before a rollback is given by button or command, so no reaction withdraws it).
     */
    static Verdict revoke(Change change, Optional<String> reaction, Actor actor, Situation situation) {
        var standard = situation.policy().approvals().approveReaction();
        var given = StageApprovals.of(situation.policy(), change).stream()
                .filter(s -> !s.passed() && !s.approval().beforeRollback()
                        && reaction.map(name -> s.approval().givenBy(name, standard)).orElse(true)
                        && s.given().stream().anyMatch(g -> g.approverId().equals(actor.userId())))
                .findFirst();
        if (given.isEmpty()) {
            return new Verdict.Refused("You have no approval of " + change.id() + " still to withdraw: an approval stands"
                    + " once its stage is reached.");
        }
        var approval = given.get().approval();
        return Verdict.Accepted.of(new ChangeEvent.StageApprovalRevoked(change.id(), actor.userId(), situation.now(),
                approval.before(), approval.step()));
    }

    private record Choice(Optional<StageApprovals.Status> status, Optional<String> refusal) {

        static Choice of(StageApprovals.Status status) {
            return new Choice(Optional.of(status), Optional.empty());
        }

        static Choice refused(String reason) {
            return new Choice(Optional.empty(), Optional.of(reason));
        }
    }

    /** The approval due now that this person's approval would count for, or why there is none. */
    private static Choice choose(Change change, boolean rollback, Optional<String> reaction, Actor actor,
                                 Situation situation) {
        var policy = situation.policy();
        var standard = policy.approvals().approveReaction();
        var all = StageApprovals.of(policy, change);
        var waiting = all.stream().filter(s -> s.waiting() && s.approval().beforeRollback() == rollback
                && reaction.map(name -> s.approval().givenBy(name, standard)).orElse(true)).toList();
        if (waiting.isEmpty() && reaction.isPresent() && all.stream().anyMatch(s -> s.waiting() && !s.approval().beforeRollback())) {
            var due = all.stream().filter(s -> s.waiting() && !s.approval().beforeRollback()).findFirst().orElseThrow();
            return Choice.refused(":" + reaction.get() + ": does not give " + due.approval().describe() + "; react with :"
                    + due.approval().reaction().orElse(standard) + ": instead.");
        }
        if (rollback && all.stream().noneMatch(s -> s.approval().beforeRollback())) {
            return Choice.refused("The policy asks no approval before a rollback of " + change.id() + ".");
        }
        if (waiting.isEmpty() && rollback) {
            return Choice.refused(change.id() + "'s rollback is already approved"
                    + (StageApprovalRules.underWay(change) ? "." : "; it is no longer under way."));
        }
        if (waiting.isEmpty()) {
            var later = all.stream().filter(s -> !s.passed() && !s.due() && !s.approval().beforeRollback()).findFirst();
            return Choice.refused(later.map(s -> "Not yet: " + s.approval().describe() + " comes due once " + change.id()
                    + whereFirst(policy, change, s.approval()) + ".")
                    .orElse(change.id() + " is " + change.state().label() + "; there is nothing left to approve."));
        }
        if (change.requesterId().equals(actor.userId()) && !policy.approvals().requesterMayApprove()) {
            return Choice.refused("You requested " + change.id() + ", so you cannot approve "
                    + waiting.get(0).approval().describe() + ": the policy needs someone else.");
        }
        var mine = waiting.stream().filter(s -> !Collections.disjoint(s.approval().roles(), actor.roles())).toList();
        if (mine.isEmpty()) {
            return Choice.refused(waiting.stream().map(s -> StageApprovals.needs(policy, s)).collect(Collectors.joining(" ")));
        }
        String lastRefusal = null;
        for (var status : mine) {
            if (status.given().stream().anyMatch(g -> g.approverId().equals(actor.userId()))) {
                lastRefusal = "You have already approved " + status.approval().describe() + ".";
                continue;
            }
            if (status.approval().all() && status.rolesMissing().stream().noneMatch(actor.roles()::contains)) {
                lastRefusal = status.approval().describe() + " already has your role; it waits for "
                        + names(policy, status.rolesMissing()) + ".";
                continue;
            }
            if (policy.approvals().onePersonPerStep() && all.stream().anyMatch(other -> other != status
                    && other.approval().before().equals(status.approval().before())
                    && other.given().stream().anyMatch(g -> g.approverId().equals(actor.userId())))) {
                lastRefusal = "You gave another approval before " + status.approval().before()
                        + "; the policy needs a different person for " + status.approval().step() + ".";
                continue;
            }
            return Choice.of(status);
        }
        return Choice.refused(lastRefusal);
    }

    private static String names(Policy policy, List<String> roles) {
        return String.join(" or ", roles.stream().map(r -> ChangeApprovals.roleName(policy, r)).toList());
    }

    /** " is in staging"; before a later rollout step, " is at production 5%". */
    private static String whereFirst(Policy policy, Change change, StageApproval approval) {
        var environment = approval.environment().orElseThrow();
        var previous = policy.changeClass(change.changeClass())
                .map(c -> StageApprovals.previousStep(approval, policy.planFor(c, change.service())))
                .orElse(java.util.OptionalInt.empty());
        if (previous.isPresent()) {
            return " is at " + environment + " " + previous.getAsInt() + "%";
        }
        return " is in " + String.join(" and ", StageApprovals.notYetDeployed(policy, change, environment));
    }
}
