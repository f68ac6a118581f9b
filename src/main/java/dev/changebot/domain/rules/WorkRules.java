package dev.changebot.domain.rules;

import dev.changebot.domain.approval.StageApprovals;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.OverrideRequest;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.domain.policy.DeploymentTarget;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StartCheck;
import dev.changebot.domain.policy.StartRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The work on an approved change: starting it (the calendar is checked again at that moment, and
 * only the policy's override roles may start it inside a freeze or outside a window, with a written
 * justification), deployments under the class's plan, soaks, and how the work ends.
 */
final class WorkRules {

    private WorkRules() {
    }

    /**
     * Without a justification, a blocked start is only explained (or, for someone who may sign an
     * override, asks for one); with one, it is an override. An override needing several roles is
     * signed person by person; the first signer's justification stands for all.
     */
    static Verdict start(Change change, Optional<String> justification, Actor actor, Situation situation) {
        if (!change.isEmergency() && (change.state() == ChangeState.FAILED || change.state() == ChangeState.ROLLED_BACK)) {
            return FallbackRetry.retry(change, actor, situation);
        }
        if (change.state() != ChangeState.APPROVED) {
            return new Verdict.Refused(change.id() + " is " + change.state().label() + "; only an approved change can start.");
        }
        // The requester starts the work, or anyone the policy trusts to approve or override it, or the
        // pipeline a token admin gave a token to, reporting the deployment it was allowed to make.
        if (!change.requesterId().equals(actor.userId()) && actor.roles().isEmpty() && !actor.isPipeline()) {
            return new Verdict.Refused("Only the requester of " + change.id()
                    + " or someone holding a policy role can start it.");
        }
        var policy = situation.policy();
        var changeClass = policy.changeClass(change.changeClass());
        if (changeClass.isEmpty()) {
            return new Verdict.Refused(change.id() + "'s class is not in the current policy.");
        }
        var now = situation.now();
        var pending = change.pendingOverride();
        var signersRoles = pending.map(OverrideRequest::roles).orElse(Set.of());
        var together = new LinkedHashSet<>(signersRoles);
        together.addAll(actor.roles());
        var target = target(change, policy);
        // A change whose first window passed without it starting may use the class's fallback windows.
        var fallback = StartRules.fallbackOpen(policy, changeClass.get(), target, change.details().proposedStart(), now);
        var check = StartCheck.of(policy, changeClass.get(), target, situation.calendar(), now, together, fallback);
        if (check.allowed()) {
            return Verdict.Accepted.of(new ChangeEvent.ChangeStarted(change.id(), actor.userId(), now));
        }
        boolean alreadySigned = pending.map(p -> p.signedBy(actor.userId())).orElse(false);
        if (!check.unoverridable().isEmpty() || alreadySigned
                || !StartCheck.contributes(policy, changeClass.get(), check.blockingRules(), signersRoles, actor.roles())) {
            var waiting = pending.isPresent() ? " An override is signed by " + pending.get().signers().size() + " so far. " : " ";
            return new Verdict.Refused(check.summary() + waiting + check.whatIsMissing());
        }
        var why = pending.map(OverrideRequest::justification)
                .or(() -> justification.filter(t -> !t.isBlank()).map(String::strip));
        if (why.isEmpty()) {
            return new Verdict.NeedsJustification(check);
        }
        if (check.overrideComplete()) {
            var signers = new java.util.ArrayList<String>();
            pending.ifPresent(p -> p.signers().forEach(s -> signers.add(s.userId())));
            signers.add(actor.userId());
            return Verdict.Accepted.of(new ChangeEvent.ChangeStartedByOverride(change.id(), actor.userId(), now, why.get(),
                    check.blockingRules(), signers));
        }
        var contributed = new LinkedHashSet<>(actor.roles());
        contributed.removeAll(signersRoles);
        return new Verdict.AwaitingSigners(new ChangeEvent.ChangeOverrideSigned(change.id(), actor.userId(), now, why.get(),
                check.blockingRules(), List.copyOf(contributed)), check.whatIsMissing());
    }

    /**
     * Where the work goes, for scoped freezes and windows: the change's service, and the environment
     * the request named when it is one of the policy's (an older free-text one says nothing, so
     * every scope applies).
     */
    static DeploymentTarget target(Change change, Policy policy) {
        var environment = Optional.ofNullable(change.details().environment()).map(String::strip)
                .filter(policy.environments()::contains);
        return new DeploymentTarget(change.service(), environment);
    }

    /**
     * Deployed to an environment of the policy: stages in the plan's order, a staged rollout step by
     * step; where the plan soaks the stage, the change soaks there and nothing moves on before.
     */
    static Verdict reportDeployment(Change change, String environment, OptionalInt percent, Actor actor,
                                    Situation situation) {
        var id = change.id();
        var service = change.service().flatMap(situation.policy()::service);
        if (service.isPresent() && !service.get().deploysTo(environment, situation.policy().environments())) {
            return new Verdict.Refused(id + " is a change to " + service.get().label() + ", which is deployed only to "
                    + String.join(", ", service.get().environmentsIn(situation.policy().environments())) + ".");
        }
        if (change.soak().isPresent()) {
            var soak = change.soak().get();
            return new Verdict.Refused(id + " is soaking in " + soak.environment() + " until " + soak.until()
                    + "; deploy further after that.");
        }
        var plan = situation.policy().changeClass(change.changeClass())
                .map(c -> situation.policy().planFor(c, change.service()))
                .orElse(new DeploymentPlan(List.of(), Optional.empty(), Optional.empty()));
        var step = OptionalInt.empty();
        if (plan.rollsOut(environment)) {
            var next = plan.nextRolloutStep(change.rolloutPercent());
            if (next.isEmpty()) {
                return new Verdict.Refused(id + " is already rolled out to 100%.");
            }
            if (percent.isEmpty() || percent.getAsInt() != next.getAsInt()) {
                return new Verdict.Refused("The next step of " + id + "'s rollout is " + next.getAsInt() + "% (steps: "
                        + plan.rollout().get().percentages() + "): `/change deployed " + id + " production "
                        + next.getAsInt() + "`.");
            }
            step = percent;
        }
        if (change.state() != ChangeState.IN_PROGRESS) {
            return new Verdict.Refused(Refusals.illegalMove(id, change.state(), ChangeState.SOAKING));
        }
        var label = step.isPresent() ? environment + " " + step.getAsInt() + "%" : environment;
        var missing = plan.mustPassBefore(environment).stream().filter(stage -> !change.stagesPassed().contains(stage))
                .findFirst();
        if (missing.isPresent()) {
            return new Verdict.Refused(id + " goes to " + label + " only after its soak in " + missing.get()
                    + ": deploy it to " + missing.get() + " first.");
        }
        var unapproved = StageApprovals.missingBefore(situation.policy(), change, environment, step);
        if (!unapproved.isEmpty()) {
            var needs = StageApprovals.waitingFor(situation.policy(), change, unapproved);
            return new Verdict.Refused(needs + StageApprovals.deployFirst(situation.policy(), change, environment, unapproved)
                    .orElse(" Approve it on " + id + "'s message, with the approve reaction, or `/change approve " + id + "`."));
        }
        var now = situation.now();
        var soakUntil = plan.waitAfter(environment, step).map(now::plus).orElse(null);
        return Verdict.Accepted.of(new ChangeEvent.ChangeDeployed(id, actor.userId(), now, environment, step, soakUntil));
    }

    /** Completed, rolled back or failed; a soak in progress is aborted, but a soaking change is not done yet. */
    static Verdict finish(Change change, ChangeState outcome, Actor actor, Situation situation) {
        if (outcome == ChangeState.COMPLETED && change.state() == ChangeState.SOAKING) {
            var soak = change.soak().orElseThrow();
            return new Verdict.Refused(change.id() + " is soaking in " + soak.environment() + " until " + soak.until() + ".");
        }
        if (!change.lifecycle().allows(change.state(), outcome)) {
            return new Verdict.Refused(Refusals.illegalMove(change.id(), change.state(), outcome));
        }
        var finished = new ChangeEvent.ChangeFinished(change.id(), actor.userId(), situation.now(), outcome);
        if (outcome == ChangeState.ROLLED_BACK) {
            // A rollback is reported once done: refusing to record it would lose the fact. Without the
            // approval the policy asks for, it is recorded with a note of whose approval is missing.
            var skipped = StageApprovals.missingBeforeRollback(situation.policy(), change).stream()
                    .<ChangeEvent>map(s -> new ChangeEvent.StageApprovalSkipped(change.id(), actor.userId(), situation.now(),
                            s.approval().before(), s.approval().step(), s.rolesMissing()))
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
            skipped.add(finished);
            return new Verdict.Accepted(skipped, List.of());
        }
        return Verdict.Accepted.of(finished);
    }

    /** The soak's timer rang: only the soak it was set for completes (a second ring does nothing). */
    static Verdict endSoak(Change change, String environment, Situation situation) {
        var soak = change.soak();
        if (change.state() != ChangeState.SOAKING || soak.isEmpty() || !soak.get().environment().equals(environment)) {
            return new Verdict.Ignored("nothing to do: the change moved on");
        }
        return Verdict.Accepted.of(new ChangeEvent.ChangeSoakCompleted(change.id(), Actor.CHANGEBOT.userId(),
                situation.now(), environment));
    }
}
