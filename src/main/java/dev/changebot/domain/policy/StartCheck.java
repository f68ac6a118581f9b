package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.StartPlanner;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The moment of truth: may this change start now, and if the calendar says no, may this person
 * override it? An override names the rules it breaks and always needs a written justification.
 *
 * @param blockingRules names of the freezes and windows that block the start
 * @param overrideRefusal why this person may not override, empty when they may
 */
public record StartCheck(boolean allowed, String summary, List<String> blockingRules, String overrideRefusal) {

    public boolean mayOverride() {
        return !allowed && overrideRefusal.isEmpty();
    }

    public static StartCheck of(Policy policy, ChangeClass changeClass, CalendarState state, Instant at,
                                Set<String> userRoles) {
        StartPlanner planner = StartRules.plannerFor(policy, changeClass, state);
        var verdict = planner.check(at);
        if (verdict.allowed()) {
            return new StartCheck(true, planner.explain(at), List.of(), "");
        }
        var refusals = new java.util.ArrayList<String>();
        for (var rule : new java.util.LinkedHashSet<>(verdict.blockingRules())) {
            var override = policy.freezes().stream().filter(f -> f.name().equals(rule)).findFirst()
                    .map(Freeze::override).orElse(changeClass.override());
            if (!allows(override, userRoles)) {
                refusals.add(describe(rule, override));
            }
        }
        return new StartCheck(false, planner.explain(at), List.copyOf(new java.util.LinkedHashSet<>(verdict.blockingRules())),
                String.join(" ", refusals));
    }

    private static boolean allows(Override override, Set<String> userRoles) {
        if (!override.isPossible()) {
            return false;
        }
        return override.allRoles() ? userRoles.containsAll(override.roles())
                : !Collections.disjoint(override.roles(), userRoles);
    }

    private static String describe(String rule, Override override) {
        if (!override.isPossible()) {
            return "Nobody may override '" + rule + "' under the policy.";
        }
        var roles = String.join(override.allRoles() ? " and " : " or ", new java.util.TreeSet<>(override.roles()));
        return "Overriding '" + rule + "' takes " + roles + (override.allRoles() ? " together" : "") + ".";
    }
}
