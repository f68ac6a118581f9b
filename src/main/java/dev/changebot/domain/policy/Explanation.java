package dev.changebot.domain.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything the policy says about one hypothetical change: whether it may start at the instant
 * asked, why, and what it involves before and after. Rendered by the CLI as text or JSON.
 */
public record Explanation(
        String policyId,
        String changeClass,
        String classLabel,
        Instant requestedAt,
        Instant at,
        boolean allowed,
        String summary,
        List<String> reasons,
        Optional<Instant> earliestCompliantStart,
        String notice,
        Instant noticeSatisfiedAt,
        List<Step> approvalSteps,
        List<String> approvalRules,
        List<Soak> soak,
        Optional<String> rollout,
        Optional<String> monitoring,
        List<String> overrideRoles,
        List<Obligation> followUps,
        List<String> environments,
        List<ServiceLine> services,
        ZoneId zone,
        List<String> requiredFields,
        List<String> overrides,
        List<String> assumptions,
        List<String> fallbackWindows,
        List<StageStep> stageApprovals,
        String conflicts) {

    public Explanation {
        stageApprovals = List.copyOf(stageApprovals);
    }

    /**
     * One of the policy's services: who owns it, where it goes ({@code environments} empty: all of
     * the policy's), how its changes are handled ({@code classOverrides}: "standard -> significant")
     * and the approval steps it adds after the class's (those given during the deployment say before
     * which stage: "Explicit approval before push (before production)").
     */
    public record ServiceLine(String name, String label, String owner, List<String> environments,
                              List<String> classOverrides, List<String> extraSteps, List<String> dependsOn) {
    }

    /** One approval step, in order; {@code who} names its roles as people read them: "Backend Lead (backend-lead)". */
    public record Step(int number, String name, List<String> roles, int required, List<String> who) {
    }

    public record Soak(String environment, String duration) {
    }

    /**
     * An approval given during the deployment, {@code before} a stage ("production", "production 25%",
     * "rollback"): {@code required} people holding any of {@code who}, or one per role when {@code all};
     * {@code reaction}, the Slack reaction that gives it besides the button and `/change approve`.
     */
    public record StageStep(String before, String name, List<String> roles, List<String> who, int required, boolean all,
                            String reaction) {
    }

    /**
     * A follow-up owed, with its absolute deadline if the change were declared at {@code at};
     * {@code severities} non-empty: owed only for emergencies of those severities.
     */
    /**
     * A follow-up: {@code dueAt} as if what starts it happened at the instant explained;
     * {@code after} what starts it ("when the emergency is declared", "after a rollback"), and
     * {@code startsAtDeclaration} whether that is the declaration; {@code roles} as people read
     * them; {@code repeat} times, {@code every} apart; {@code byVerbalApprover}: only whoever gave
     * the emergency's verbal approval meets it.
     */
    public record Obligation(String name, String label, String within, Instant dueAt, List<String> roles,
                             boolean notDeclarer, List<String> severities, String after, boolean startsAtDeclaration,
                             int repeat, String every, boolean byVerbalApprover) {
    }
}
