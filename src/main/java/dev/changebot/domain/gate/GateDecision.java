package dev.changebot.domain.gate;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.rules.ChangeApprovals;
import dev.changebot.domain.approval.StageApprovals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * May this change be deployed to this environment now? Decided from the change, the policy, what the
 * calendar holds, the environment and the moment alone; nothing is read or written here. A check
 * stays pending while something that will end or be decided stands in the way (an approval, a soak,
 * a skipped stage, a freeze, a window), and is prevented once the change can no longer go.
 */
public final class GateDecision {

    private final DeployCalendar calendar;

    public GateDecision(DeployCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param service  the service deployed, when the check named one (the calendar may care)
     * @param deadline after it, a check still pending is prevented
     */
    public GateVerdict decide(Change change, Policy policy, CalendarState state, Optional<String> service,
                              String environment, Optional<Instant> deadline, Instant now) {
        var ended = ended(change);
        if (ended.isPresent()) {
            return new GateVerdict(GateState.PREVENTED, List.of(ended.get()), Optional.empty());
        }
        var changeClass = policy.changeClass(change.changeClass());
        if (changeClass.isEmpty()) {
            return new GateVerdict(GateState.INVALID, List.of(GateReason.of("class_unknown", change.id() + "'s class '"
                    + change.changeClass() + "' is not in the current policy.")), Optional.empty());
        }
        var obstacles = new ArrayList<GateReason>();
        Optional<Instant> nextOpen = Optional.empty();
        if (change.isEmergency()) {
            if (change.state() == ChangeState.PENDING_APPROVAL) {
                obstacles.add(awaitingApproval(change, policy));
            }
        } else {
            obstacles.addAll(approvalAndStages(change, policy, changeClass.get(), environment));
            if (change.exception().isEmpty()) {
                var answer = calendar.mayGo(policy, changeClass.get(), state, service.orElse(null), environment, now,
                        change.details().proposedStart());
                if (!answer.allowed()) {
                    obstacles.addAll(calendarReasons(change, policy, answer));
                    nextOpen = answer.nextOpen();
                }
            }
        }
        if (obstacles.isEmpty()) {
            return new GateVerdict(GateState.ALLOWED, List.of(allowedBecause(change, environment)), Optional.empty());
        }
        if (deadline.isPresent() && !now.isBefore(deadline.get())) {
            var reasons = new ArrayList<GateReason>();
            reasons.add(GateReason.of("deadline_passed", "The check's deadline passed (" + deadline.get()
                    + ") before " + change.id() + " could go to " + environment + "."));
            reasons.addAll(obstacles);
            return new GateVerdict(GateState.PREVENTED, reasons, Optional.empty());
        }
        if (nextOpen.isEmpty()) {
            nextOpen = obstacles.stream().flatMap(r -> r.until().stream()).max(Instant::compareTo);
        }
        return new GateVerdict(GateState.PENDING, obstacles, nextOpen);
    }

    /** A change that can no longer be deployed, and why; empty while it still can. */
    public static Optional<GateReason> ended(Change change) {
        var id = change.id();
        switch (change.state()) {
            case REJECTED:
                return Optional.of(GateReason.of("rejected", id + " was rejected"
                        + change.rejection().map(r -> " by " + r.rejectedBy() + ": " + r.reason()).orElse("") + "."));
            case CANCELLED:
                return Optional.of(GateReason.of("cancelled", id + " was cancelled."));
            case COMPLETED:
            case FAILED:
            case ROLLED_BACK:
            case CLOSED:
                return Optional.of(GateReason.of("finished", id + " is " + change.state().label()
                        + ": request a new change to deploy again."));
            default:
                return Optional.empty();
        }
    }

    private static List<GateReason> approvalAndStages(Change change, Policy policy, ChangeClass changeClass,
                                                      String environment) {
        if (change.state() == ChangeState.PENDING_APPROVAL || change.state() == ChangeState.DRAFT) {
            return List.of(awaitingApproval(change, policy));
        }
        var missing = DeploymentPlan.of(changeClass).mustPassBefore(environment).stream()
                .filter(stage -> !change.stagesPassed().contains(stage)).findFirst();
        if (missing.isEmpty()) {
            return stageApprovals(change, policy, changeClass, environment);
        }
        var soak = change.soak().filter(s -> s.environment().equals(missing.get()));
        if (soak.isPresent()) {
            return List.of(GateReason.until("soaking", change.id() + " is soaking in " + soak.get().environment()
                    + " until " + soak.get().until() + "; " + environment + " comes after that.", soak.get().until()));
        }
        return List.of(GateReason.of("stage_skipped", change.id() + " goes to " + environment + " only after "
                + missing.get() + ": deploy it to " + missing.get() + " first (and report it)."));
    }

    /**
     * The approvals the policy asks for before this deployment (the next rollout step, for an environment
     * rolled out in steps) that are not all given yet: pending, settled when the approval arrives.
     */
    private static List<GateReason> stageApprovals(Change change, Policy policy, ChangeClass changeClass,
                                                   String environment) {
        if (change.state() != ChangeState.IN_PROGRESS && change.state() != ChangeState.SOAKING) {
            return List.of();
        }
        var plan = policy.planFor(changeClass, change.service());
        var step = plan.rollsOut(environment) ? plan.nextRolloutStep(change.rolloutPercent()) : java.util.OptionalInt.empty();
        var missing = StageApprovals.missingBefore(policy, change, environment, step);
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(GateReason.of("stage_approval_pending", StageApprovals.waitingFor(policy, change, missing)
                + StageApprovals.deployFirst(policy, change, environment, missing).map(first -> first.replace(" first.",
                        " first (and report it).")).orElse(" Approve it in Slack: on " + change.id()
                        + "'s message or with `/change approve " + change.id() + "`.")));
    }

    private static GateReason awaitingApproval(Change change, Policy policy) {
        var step = ChangeApprovals.progress(policy, change).current();
        return GateReason.of("approval_pending", change.id() + " is waiting for approval"
                + step.map(s -> " at " + s.describe()).orElse("") + " in Slack.");
    }

    private static List<GateReason> calendarReasons(Change change, Policy policy, DeployCalendar.Answer answer) {
        var reasons = new ArrayList<GateReason>();
        for (var rule : answer.blockingRules()) {
            boolean freeze = policy.freezes().stream().anyMatch(f -> f.name().equals(rule));
            var code = freeze ? "freeze" : "outside_window";
            var text = (freeze ? "Inside the freeze '" : "Outside the window '") + rule + "'. " + answer.explanation();
            reasons.add(answer.nextOpen().map(at -> GateReason.until(code, text, at)).orElse(GateReason.of(code, text)));
        }
        if (answer.overridable()) {
            reasons.add(GateReason.of("override_possible", "To go sooner, the roles the policy names sign an override"
                    + " in Slack: `/change start " + change.id() + "` with a justification."));
        }
        return reasons;
    }

    private static GateReason allowedBecause(Change change, String environment) {
        if (change.isEmergency()) {
            return GateReason.of("emergency", change.id() + " is a declared emergency: it may go to " + environment
                    + " at once.");
        }
        if (change.exception().isPresent()) {
            return GateReason.of("override", change.id() + " started under a signed override: it may go to "
                    + environment + ".");
        }
        return GateReason.of("approved", change.id() + " is approved and nothing in the calendar stands in the way of "
                + environment + ".");
    }
}
