package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.CalendarText;
import dev.changebot.domain.calendar.StartPlanner;
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
        var calendar = policy.businessCalendar();
        var noticeEnd = changeClass.notice().earliestStart(requestedAt, calendar);
        var verdict = planner.check(at);
        var reasons = new ArrayList<>(verdict.reasons());
        boolean noticeMet = !at.isBefore(noticeEnd);
        var zone = policy.zone();
        if (!noticeMet) {
            reasons.add(0, "needs " + String.join(" and ", changeClass.notice().unmetBy(requestedAt, at, calendar))
                    + " notice: a change requested " + CalendarText.zonedAndUtc(requestedAt, zone) + " may start from "
                    + CalendarText.zonedAndUtc(noticeEnd, zone));
        }
        var from = at.isBefore(noticeEnd) ? noticeEnd : at;
        Optional<Instant> earliest = verdict.allowed() && noticeMet ? Optional.of(at) : planner.earliestCompliantStart(from);
        var summary = noticeMet ? planner.explain(at) : afterNotice(changeClass, noticeEnd, planner, zone);
        // Follow-ups count from when the change could actually start, not from a time it may not.
        var startsAt = earliest.orElse(at);
        return new Explanation(policy.id(), changeClass.name(), changeClass.label(), requestedAt, at,
                verdict.allowed() && noticeMet, summary, reasons, earliest, changeClass.notice().describe(), noticeEnd,
                steps(policy, steps), approvalRules(policy, changeClass, steps, target.service().flatMap(policy::service)
                        .map(s -> !s.extraSteps().isEmpty()).orElse(false)),
                soak(policy.planFor(changeClass, target.service())),
                changeClass.rollout().map(r -> r.percentages() + "% with " + human(r.soakBetweenSteps())
                        + " soak between steps"),
                changeClass.monitoring().map(PolicyExplainer::human),
                List.copyOf(changeClass.override().roles()), followUps(policy, changeClass, startsAt),
                policy.environments().stream().map(e -> policy.environmentLabel(e).equals(e) ? e
                        : e + " (" + policy.environmentLabel(e) + ")").toList(),
                policy.services().values().stream().map(PolicyExplainer::service).toList(), zone,
                requiredFields(changeClass), ExplainedOverrides.of(policy, changeClass, target),
                assumptions(policy, changeClass, state),
                changeClass.fallbackWindows().stream().map(w -> policy.windows().containsKey(w)
                        ? policy.windows().get(w).label() : w).toList(),
                stageSteps(policy, policy.stageApprovalsFor(changeClass, target.service())), conflicts(changeClass));
    }

    /** The class's {@code conflicts:} rule, as a person reads it. */
    private static String conflicts(ChangeClass changeClass) {
        if (changeClass.emergency()) {
            return "not checked (an emergency is declared, not requested)";
        }
        return changeClass.conflicts() == ConflictRule.BLOCK
                ? "block (a request whose planned window conflicts with another change or runs into a freeze is refused)"
                : "warn (a request whose planned window conflicts is recorded, with a warning)";
    }

    private static List<Explanation.StageStep> stageSteps(Policy policy, List<StageApproval> approvals) {
        return approvals.stream().map(a -> {
            var roles = List.copyOf(a.roles());
            return new Explanation.StageStep(a.before(), a.step(), roles,
                    roles.stream().map(role -> ExplainedOverrides.who(policy, role)).toList(), a.required(), a.all(),
                    a.reaction().orElse(policy.approvals().approveReaction()));
        }).toList();
    }

    /** "Needs 24 h notice, so not before Wed … ; at that time the calendar allows it (inside …)." Never "Then: Allowed". */
    private static String afterNotice(ChangeClass changeClass, Instant noticeEnd, StartPlanner planner,
                                      java.time.ZoneId zone) {
        var then = planner.explain(noticeEnd);
        var prefix = "Needs " + changeClass.notice().describe() + " notice, so not before "
                + CalendarText.zonedAndUtc(noticeEnd, zone) + "; ";
        if (planner.check(noticeEnd).allowed()) {
            var why = then.startsWith("Allowed: ") ? then.substring("Allowed: ".length()) : then;
            return prefix + "at that time the calendar allows it (" + stripStop(why) + ").";
        }
        return prefix + "and at that time: " + Character.toLowerCase(then.charAt(0)) + then.substring(1);
    }

    private static String stripStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** The fields a request of the class must fill in, in the form's order. */
    private static List<String> requiredFields(ChangeClass changeClass) {
        return java.util.Arrays.stream(dev.changebot.domain.change.ChangeField.values())
                .filter(changeClass.requiredFields()::contains)
                .map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** What the answer takes for granted: the command line cannot see the freezes people declare, nor open incidents. */
    private static List<String> assumptions(Policy policy, ChangeClass changeClass, CalendarState state) {
        var assumed = new ArrayList<String>();
        if (changeClass.emergency() || !state.equals(CalendarState.QUIET)) {
            return assumed;
        }
        var sources = policy.freezes().stream().filter(f -> f.blocks(changeClass)).map(Freeze::source).toList();
        if (sources.stream().anyMatch(FreezeSource.ActiveIncidents.class::isInstance)) {
            assumed.add("no incident is open (an open one of the severities the policy names freezes changes)");
        }
        if (sources.stream().anyMatch(FreezeSource.Declared.class::isInstance)) {
            assumed.add("nobody has declared a freeze (`/change freeze list` shows those in force)");
        }
        return assumed;
    }

    private static Explanation.ServiceLine service(Service service) {
        return new Explanation.ServiceLine(service.name(), service.label(), service.owner(), service.environments(),
                service.classOverrides().entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue()).toList(),
                java.util.stream.Stream.concat(service.extraSteps().stream().map(ApprovalStep::name),
                        service.stageApprovals().stream().map(a -> a.step() + " (before " + a.before() + ")")).toList(),
                service.dependsOn());
    }

    private static List<Explanation.Step> steps(Policy policy, List<ApprovalStep> steps) {
        var out = new ArrayList<Explanation.Step>();
        for (int i = 0; i < steps.size(); i++) {
            var s = steps.get(i);
            var roles = List.copyOf(s.roles());
            out.add(new Explanation.Step(i + 1, s.name(), roles, s.required(),
                    roles.stream().map(role -> ExplainedOverrides.who(policy, role)).toList()));
        }
        return out;
    }

    /** @param serviceSteps the change's service adds approval steps, so even a pre-approved class waits for them */
    private static List<String> approvalRules(Policy policy, ChangeClass changeClass, List<ApprovalStep> steps,
                                              boolean serviceSteps) {
        var rules = new ArrayList<String>();
        if (changeClass.emergency() && !changeClass.verbalApprovers().isEmpty() && steps.isEmpty()) {
            var who = String.join(" or ", changeClass.verbalApprovers().stream()
                    .map(role -> ExplainedOverrides.who(policy, role)).toList());
            rules.add(declaredBy(policy, changeClass) + ", after the verbal approval of the " + who
                    + ", named with `--approved-by @name`; work starts at once");
        } else if (changeClass.emergency() && steps.isEmpty()) {
            rules.add(declaredBy(policy, changeClass) + "; work starts at once, with no approval before it");
        } else if (changeClass.emergency()) {
            rules.add(declaredBy(policy, changeClass) + "; work starts once these approvals are in");
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

    /** "declared by anyone on the team", or by the roles the class names, as people read them. */
    private static String declaredBy(Policy policy, ChangeClass changeClass) {
        if (changeClass.declarers().isEmpty()) {
            return "declared by anyone on the team";
        }
        return "declared by " + String.join(" or ", changeClass.declarers().stream()
                .map(role -> ExplainedOverrides.who(policy, role)).toList());
    }

    private static List<Explanation.Soak> soak(DeploymentPlan plan) {
        return plan.stages().stream().map(s -> new Explanation.Soak(s.environment(), human(s.duration()))).toList();
    }

    private static List<Explanation.Obligation> followUps(Policy policy, ChangeClass changeClass, Instant at) {
        return changeClass.followUps().stream().map(f -> new Explanation.Obligation(f.name(), f.label(),
                f.within().describe(), f.within().earliestStart(at, policy.businessCalendar()),
                f.roles().stream().map(role -> ExplainedOverrides.who(policy, role)).toList(), f.notDeclarer(),
                f.severities().stream().sorted().toList(),
                String.join(" or ", f.triggers(changeClass.emergency()).stream().map(FollowUpTrigger::describe).toList()),
                f.owedAtDeclaration(changeClass.emergency()), f.repeat(),
                f.repeat() > 1 ? human(f.every()) : "", f.byVerbalApprover())).toList();
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
