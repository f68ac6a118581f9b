package dev.changebot.domain.approval;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.StageSignoff;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StageApproval;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where a change stands on the approvals its policy asks for during the deployment. One comes due
 * once the change has reached the stage before it ("between staging and production": once it is
 * deployed to staging, while it soaks there too, since QA checks the build staging runs), or once the
 * work has started when nothing comes before; an approval before a rollback is due for as long as the
 * work is under way. It counts until its stage is reached; then it is history.
 */
public final class StageApprovals {

    private StageApprovals() {
    }

    /** One approval of the policy, what was given for it, and whether it is due or behind the change. */
    public record Status(StageApproval approval, List<StageSignoff> given, boolean due, boolean passed) {

        public Status {
            given = List.copyOf(given);
        }

        public boolean done() {
            return given.size() >= approval.required() && (!approval.all() || coveredRoles().containsAll(approval.roles()));
        }

        /** Due and not yet given by everyone it needs: the change waits for it. */
        public boolean waiting() {
            return due && !done();
        }

        public Set<String> coveredRoles() {
            var covered = new LinkedHashSet<String>();
            given.forEach(s -> covered.addAll(s.roles()));
            return covered;
        }

        /** The roles still to approve for an {@code all:} approval; all of its roles otherwise. */
        public List<String> rolesMissing() {
            if (!approval.all()) {
                return List.copyOf(approval.roles());
            }
            return approval.roles().stream().filter(r -> !coveredRoles().contains(r)).toList();
        }

        public int missing() {
            return Math.max(0, approval.required() - given.size());
        }
    }

    /** Every approval the change's policy asks of it during the deployment, in the policy's order. */
    public static List<Status> of(Policy policy, Change change) {
        var changeClass = policy.changeClass(change.changeClass());
        if (changeClass.isEmpty() || change.isEmergency()) {
            return List.of();
        }
        var plan = policy.planFor(changeClass.get(), change.service());
        var environments = environmentsOf(policy, change);
        var statuses = new ArrayList<Status>();
        for (var approval : policy.stageApprovalsFor(changeClass.get(), change.service())) {
            var given = change.stageSignoffs().stream().filter(s -> s.of(approval.before(), approval.step())).toList();
            boolean passed = passed(approval, change);
            statuses.add(new Status(approval, given, !passed && due(approval, change, plan, environments), passed));
        }
        return statuses;
    }

    /** The approvals still missing before the change may be deployed to {@code environment} ({@code percent}). */
    public static List<Status> missingBefore(Policy policy, Change change, String environment, OptionalInt percent) {
        return of(policy, change).stream().filter(s -> !s.passed() && !s.done() && stands(s.approval(), change, environment, percent))
                .toList();
    }

    /** The approvals a rollback still waits for. */
    public static List<Status> missingBeforeRollback(Policy policy, Change change) {
        return of(policy, change).stream().filter(s -> s.approval().beforeRollback() && !s.done()).toList();
    }

    /** The approvals due now and not yet complete: what the change's message asks for. */
    public static List<Status> waiting(Policy policy, Change change) {
        return of(policy, change).stream().filter(Status::waiting).toList();
    }

    /**
     * Whether {@code approval} stands before a deployment to {@code environment}: before the environment,
     * the first deployment there (the first rollout step); before a rollout step, that step.
     */
    private static boolean stands(StageApproval approval, Change change, String environment, OptionalInt percent) {
        if (approval.environment().isEmpty() || !approval.environment().get().equals(environment)) {
            return false;
        }
        if (approval.percent().isPresent()) {
            return percent.isPresent() && percent.getAsInt() == approval.percent().getAsInt();
        }
        return !deployedTo(change, environment);
    }

    private static boolean passed(StageApproval approval, Change change) {
        if (approval.beforeRollback()) {
            return !change.state().isOpen();
        }
        var environment = approval.environment().orElseThrow();
        if (approval.percent().isPresent()) {
            return change.rolloutPercent() >= approval.percent().getAsInt()
                    && environment.equals(DeploymentPlan.PRODUCTION);
        }
        return deployedTo(change, environment);
    }

    /**
     * @param environments the change's environments in the policy's order: an approval before production
     *                     stands "between staging and production", so it comes due once the change is in
     *                     every environment before (whether or not the class soaks there)
     */
    private static boolean due(StageApproval approval, Change change, DeploymentPlan plan, List<String> environments) {
        if (change.state() != ChangeState.IN_PROGRESS && change.state() != ChangeState.SOAKING) {
            return false;
        }
        if (approval.beforeRollback()) {
            return true;
        }
        var environment = approval.environment().orElseThrow();
        var previous = previousStep(approval, plan);
        if (previous.isPresent()) {
            // Before a later rollout step: due once the step before it is out.
            return change.rolloutPercent() >= previous.getAsInt();
        }
        return before(environment, environments, plan).stream().allMatch(stage -> deployedTo(change, stage));
    }

    /** For an approval before a rollout step after the first, that first step's percentage ("5" before "production 25%"). */
    public static OptionalInt previousStep(StageApproval approval, DeploymentPlan plan) {
        if (approval.percent().isEmpty() || !plan.rollsOut(approval.environment().orElseThrow())) {
            return OptionalInt.empty();
        }
        return plan.rollout().get().percentages().stream().filter(p -> p < approval.percent().getAsInt())
                .mapToInt(Integer::intValue).max();
    }

    /** The environments a deployment to {@code environment} comes after: those listed before it, and the plan's soak stages. */
    public static List<String> before(String environment, List<String> environments, DeploymentPlan plan) {
        var before = new LinkedHashSet<>(plan.mustPassBefore(environment));
        int at = environments.indexOf(environment);
        if (at > 0) {
            before.addAll(environments.subList(0, at));
        }
        return List.copyOf(before);
    }

    /**
     * The environments before {@code environment} the change is not in yet ("staging", before production):
     * where it must go before an approval before {@code environment} comes due.
     */
    public static List<String> notYetDeployed(Policy policy, Change change, String environment) {
        var changeClass = policy.changeClass(change.changeClass());
        if (changeClass.isEmpty()) {
            return List.of();
        }
        return before(environment, environmentsOf(policy, change), policy.planFor(changeClass.get(), change.service())).stream()
                .filter(stage -> !deployedTo(change, stage)).toList();
    }

    /** The environments the change can go to, in the policy's order: its service's, or all of the policy's. */
    private static List<String> environmentsOf(Policy policy, Change change) {
        return change.service().flatMap(policy::service).map(s -> s.environmentsIn(policy.environments()))
                .orElse(policy.environments());
    }

    /** Deployed there, whether or not its soak is over ("production" counts any rollout step). */
    private static boolean deployedTo(Change change, String environment) {
        var here = change.soak().map(s -> s.environment()).filter(e -> sameStage(e, environment));
        return here.isPresent() || change.stagesPassed().stream().anyMatch(stage -> sameStage(stage, environment));
    }

    private static boolean sameStage(String label, String environment) {
        return label.equals(environment) || label.startsWith(environment + " ");
    }

    /**
     * What a deployment waits for, in the words people read: "CHG-1 needs Manual QA approval by QA (@qa)
     * before production." (each of {@code missing}, joined by "It also").
     */
    public static String waitingFor(Policy policy, Change change, List<Status> missing) {
        return change.id() + " " + missing.stream().map(s -> needs(policy, s))
                .map(text -> text.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + text.substring(1))
                .collect(java.util.stream.Collectors.joining(" It also "));
    }

    /** " It comes due once CHG-1 is in staging: deploy it to staging first.", when none of {@code missing} is due yet. */
    public static java.util.Optional<String> deployFirst(Policy policy, Change change, String environment,
                                                         List<Status> missing) {
        var first = notYetDeployed(policy, change, environment);
        if (missing.stream().anyMatch(Status::due) || first.isEmpty()) {
            return java.util.Optional.empty();
        }
        // "Between staging and production": the approval is given once the change is in staging.
        return java.util.Optional.of(" It comes due once " + change.id() + " is in " + String.join(" and ", first)
                + ": deploy it to " + first.get(0) + " first.");
    }

    /** "Needs Manual QA approval by QA (@qa) before production." */
    public static String needs(Policy policy, StageApprovals.Status status) {
        var approval = status.approval();
        String who;
        if (approval.all()) {
            who = String.join(" and ", status.rolesMissing().stream().map(r -> RoleNames.of(policy, r)).toList());
        } else {
            var names = roleNames(policy, List.copyOf(approval.roles()));
            who = status.missing() == 1 ? names : status.missing() + " people holding " + names;
        }
        return "Needs " + approval.step() + " by " + who + " before " + approval.before()
                + (status.given().isEmpty() ? "" : " (" + status.given().size() + " given so far)") + ".";
    }

    private static String roleNames(Policy policy, List<String> roles) {
        return String.join(" or ", roles.stream().map(r -> RoleNames.of(policy, r)).toList());
    }
}
