package dev.changebot.domain.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers "what does our policy say about this change?" for the CLI and, later, for Slack. */
public final class PolicyExplainer {

    private PolicyExplainer() {
    }

    /**
     * @param steps the approval steps that apply (the class's, or the approval matrix's for a type)
     */
    public static Explanation explain(Policy policy, ChangeClass changeClass, List<ApprovalStep> steps,
                                      Instant requestedAt, Instant at, CalendarState state) {
        return explain(policy, changeClass, steps, requestedAt, at, state, DeploymentTarget.ANYWHERE);
    }

    /**
     * For a change going to {@code target}: the freezes and windows in scope there, and the soak
     * stages of the target's service. The caller applies the service's class override and steps.
     */
    public static Explanation explain(Policy policy, ChangeClass changeClass, List<ApprovalStep> steps,
                                      Instant requestedAt, Instant at, CalendarState state, DeploymentTarget target) {
        var planner = StartRules.plannerFor(policy, changeClass, target, state);
        var noticeEnd = changeClass.notice().earliestStart(requestedAt, policy.businessCalendar());
        var verdict = planner.check(at);
        var reasons = new ArrayList<>(verdict.reasons());
        boolean noticeMet = !at.isBefore(noticeEnd);
        if (!noticeMet) {
            reasons.add(0, "needs " + String.join(" and ", changeClass.notice().unmetBy(requestedAt, at,
                    policy.businessCalendar())) + " notice: a change requested at " + requestedAt + " may start from "
                    + noticeEnd);
        }
        var from = at.isBefore(noticeEnd) ? noticeEnd : at;
        Optional<Instant> earliest = verdict.allowed() && noticeMet ? Optional.of(at) : planner.earliestCompliantStart(from);
        var summary = noticeMet ? planner.explain(at)
                : "Needs " + changeClass.notice().describe() + " notice, so not before " + noticeEnd + ". Then: "
                        + planner.explain(noticeEnd);
        return new Explanation(policy.id(), changeClass.name(), changeClass.label(), requestedAt, at,
                verdict.allowed() && noticeMet, summary, reasons, earliest, changeClass.notice().describe(), noticeEnd,
                steps(steps), approvalRules(policy, changeClass, steps, target.service().flatMap(policy::service)
                        .map(s -> !s.extraSteps().isEmpty()).orElse(false)),
                soak(policy.planFor(changeClass, target.service())),
                changeClass.rollout().map(r -> r.percentages() + "% with " + human(r.soakBetweenSteps())
                        + " soak between steps"),
                changeClass.monitoring().map(PolicyExplainer::human),
                List.copyOf(changeClass.override().roles()), followUps(policy, changeClass, at),
                policy.environments().stream().map(e -> policy.environmentLabel(e).equals(e) ? e
                        : e + " (" + policy.environmentLabel(e) + ")").toList(),
                policy.services().values().stream().map(PolicyExplainer::service).toList());
    }

    private static Explanation.ServiceLine service(Service service) {
        return new Explanation.ServiceLine(service.name(), service.label(), service.owner(), service.environments(),
                service.classOverrides().entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue()).toList(),
                service.extraSteps().stream().map(ApprovalStep::name).toList());
    }

    private static List<Explanation.Step> steps(List<ApprovalStep> steps) {
        var out = new ArrayList<Explanation.Step>();
        for (int i = 0; i < steps.size(); i++) {
            var s = steps.get(i);
            out.add(new Explanation.Step(i + 1, s.name(), s.roles().stream().sorted().toList(), s.required()));
        }
        return out;
    }

    /** @param serviceSteps the change's service adds approval steps, so even a pre-approved class waits for them */
    private static List<String> approvalRules(Policy policy, ChangeClass changeClass, List<ApprovalStep> steps,
                                              boolean serviceSteps) {
        var rules = new ArrayList<String>();
        if (changeClass.emergency() && steps.isEmpty()) {
            rules.add("declared by the incident commander, who has unilateral authority; no prior approval");
        } else if (changeClass.emergency()) {
            rules.add("declared by the incident commander; work starts once these approvals are in");
            rules.add(policy.approvals().requesterMayApprove() ? "the declarer may approve"
                    : "the declarer may not approve their own emergency");
        } else if ((changeClass.preApproved() && !serviceSteps) || steps.isEmpty()) {
            rules.add("pre-approved: recorded and approved at once");
        } else {
            rules.add("steps are approved strictly in order");
            rules.add(policy.approvals().requesterMayApprove() ? "the requester may approve"
                    : "the requester may not approve their own change");
            if (policy.approvals().onePersonPerStep()) {
                rules.add("one person may not satisfy two steps");
            }
            rules.add("approve with the button or the :" + policy.approvals().approveReaction() + ": reaction");
        }
        return rules;
    }

    private static List<Explanation.Soak> soak(DeploymentPlan plan) {
        return plan.stages().stream().map(s -> new Explanation.Soak(s.environment(), human(s.duration()))).toList();
    }

    private static List<Explanation.Obligation> followUps(Policy policy, ChangeClass changeClass, Instant at) {
        return changeClass.followUps().stream().map(f -> new Explanation.Obligation(f.name(), f.label(),
                f.within().describe(), f.within().earliestStart(at, policy.businessCalendar()),
                f.roles().stream().sorted().toList(), f.notDeclarer(), f.severities().stream().sorted().toList())).toList();
    }

    static String human(Duration duration) {
        if (duration.toMinutes() % (60 * 24) == 0 && duration.toDays() > 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        if (duration.toMinutes() % 60 == 0) {
            return duration.toHours() + " h";
        }
        return duration.toHours() > 0 ? duration.toHours() + " h " + duration.toMinutesPart() + " min"
                : duration.toMinutes() + " min";
    }
}
