package dev.changebot.cli;

import dev.changebot.domain.calendar.CalendarText;
import dev.changebot.domain.policy.Explanation;
import dev.changebot.domain.policy.StageApproval;
import java.time.Instant;
import java.time.ZoneId;

/** The explanation as a person reads it in a terminal. */
final class ExplanationText {

    private ExplanationText() {
    }

    static String render(Explanation e, PolicyExplainCommand.ExplainContext context) {
        var out = new StringBuilder();
        out.append("Policy ").append(e.policyId()).append(" · class ").append(e.changeClass())
                .append(" (").append(e.classLabel()).append(")\n");
        context.service().ifPresent(s -> out.append("Service: ").append(s).append('\n'));
        if (!context.requestedClass().equals(e.changeClass())) {
            out.append("Handled as ").append(e.changeClass()).append(" for this service (requested: ")
                    .append(context.requestedClass()).append(")\n");
        }
        context.environment().ifPresent(s -> out.append("Environment: ").append(s).append('\n'));
        context.type().ifPresent(s -> out.append("Type: ").append(s)
                .append(context.typeApprovers().map(a -> " — approval matrix: " + a).orElse("")).append('\n'));
        out.append("Start at ").append(when(e.at(), e.zone())).append(": ").append(e.allowed() ? "ALLOWED" : "BLOCKED").append('\n');
        out.append("  ").append(e.summary()).append('\n');
        e.reasons().forEach(r -> out.append("  - ").append(r).append('\n'));
        out.append("Earliest compliant start: ")
                .append(e.earliestCompliantStart().map(t -> when(t, e.zone())).orElse("none in the next 3 years")).append('\n');
        out.append("Notice: ").append(e.notice()).append(" (requested ").append(when(e.requestedAt(), e.zone()))
                .append(", satisfied from ").append(when(e.noticeSatisfiedAt(), e.zone())).append(")\n");
        if (!e.requiredFields().isEmpty()) {
            out.append("Required fields: ").append(String.join(", ", e.requiredFields())).append('\n');
        }
        out.append("Approval:\n");
        e.approvalRules().forEach(r -> out.append("  - ").append(r).append('\n'));
        if (!e.approvalSteps().isEmpty()) {
            context.requester().ifPresent(r -> out.append("  - requester ").append(r)
                    .append(e.approvalRules().contains("the requester may approve") ? " may approve" : " may not approve")
                    .append('\n'));
        }
        for (var step : e.approvalSteps()) {
            out.append("  ").append(step.number()).append(". ").append(step.name()).append(" — ")
                    .append(step.required()).append(" of ").append(String.join(" or ", step.who())).append('\n');
        }
        if (!e.soak().isEmpty()) {
            out.append("Soak:\n");
            e.soak().forEach(s -> out.append("  - ").append(s.environment()).append(": ").append(s.duration()).append('\n'));
        }
        e.rollout().ifPresent(r -> out.append("Rollout: ").append(r).append('\n'));
        if (!e.stageApprovals().isEmpty()) {
            out.append("Approvals during the deployment (button, reaction or `/change approve`):\n");
            for (var s : e.stageApprovals()) {
                out.append("  - before ").append(s.before()).append(": ").append(s.name()).append(" — ")
                        .append(s.all() ? String.join(" and ", s.who()) : s.required() + " of " + String.join(" or ", s.who()))
                        .append(s.before().equals(StageApproval.ROLLBACK) ? "" : ", reaction :" + s.reaction() + ":")
                        .append('\n');
            }
        }
        e.monitoring().ifPresent(m -> out.append("Post-deploy monitoring: ").append(m).append('\n'));
        if (!e.fallbackWindows().isEmpty()) {
            out.append("Fallback windows (only once the first window passed without the change starting): ")
                    .append(String.join(", ", e.fallbackWindows())).append('\n');
        }
        out.append("Conflicts: ").append(e.conflicts()).append('\n');
        if (!e.overrides().isEmpty()) {
            out.append("Overrides:\n");
            e.overrides().forEach(o -> out.append("  - ").append(o).append('\n'));
        }
        if (!e.followUps().isEmpty()) {
            out.append("Follow-ups owed:\n");
            for (var f : e.followUps()) {
                out.append("  - ").append(f.label()).append(" within ").append(f.within());
                if (f.startsAtDeclaration()) {
                    out.append(", due ").append(when(f.dueAt(), e.zone()));
                } else {
                    out.append(" ").append(f.after());
                }
                if (f.repeat() > 1) {
                    out.append(", ").append(f.repeat()).append(" times, every ").append(f.every());
                }
                if (f.byVerbalApprover()) {
                    out.append(", by whoever gave the verbal approval");
                } else if (!f.roles().isEmpty()) {
                    out.append(", by ").append(String.join(" or ", f.roles()));
                }
                if (f.notDeclarer()) {
                    out.append(f.startsAtDeclaration() ? ", not by the declarer" : ", not by the requester");
                }
                if (!f.severities().isEmpty()) {
                    out.append(", only for ").append(String.join(" / ", f.severities())).append(" incidents");
                }
                out.append('\n');
            }
        }
        if (!e.assumptions().isEmpty()) {
            out.append("Assumed (the command line cannot see them):\n");
            e.assumptions().forEach(a -> out.append("  - ").append(a).append('\n'));
        }
        out.append("Environments, first to last: ").append(String.join(", ", e.environments())).append('\n');
        if (!e.services().isEmpty()) {
            out.append("Services:\n");
            for (var s : e.services()) {
                out.append("  - ").append(s.name()).append(" (").append(s.label()).append(")");
                if (!s.owner().isEmpty()) {
                    out.append(", owner ").append(s.owner());
                }
                out.append(", to ").append(s.environments().isEmpty() ? "every environment" : String.join(", ", s.environments()));
                if (!s.classOverrides().isEmpty()) {
                    out.append(", handled as ").append(String.join(", ", s.classOverrides()));
                }
                if (!s.extraSteps().isEmpty()) {
                    out.append(", also needs ").append(String.join(", ", s.extraSteps()));
                }
                if (!s.dependsOn().isEmpty()) {
                    out.append(", depends on ").append(String.join(", ", s.dependsOn()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** In the policy's zone, and UTC: "Wed 2026-03-11 10:00 PDT (17:00 UTC)". */
    private static String when(Instant instant, ZoneId zone) {
        return CalendarText.zonedAndUtc(instant, zone);
    }
}
