package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.StartPlanner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The moment of truth: may this change start now, and if the calendar says no, do the people
 * who signed an override hold the roles the policy asks for? "Backend Lead + SRE Lead together"
 * may be two people, so the roles of every signer count together.
 *
 * @param blockingRules names of the freezes and windows that block the start
 * @param unoverridable the blocking rules nobody may override
 * @param stillNeeded   for each rule not yet covered by the signers' roles, what it still needs
 */
public record StartCheck(boolean allowed, String summary, List<String> blockingRules, List<String> unoverridable,
                         List<String> stillNeeded) {

    /** The signers' roles together cover every blocking rule. */
    public boolean overrideComplete() {
        return !allowed && unoverridable.isEmpty() && stillNeeded.isEmpty();
    }

    /** Why the signers cannot start it yet, in words; empty when they can. */
    public String whatIsMissing() {
        var parts = new ArrayList<String>();
        unoverridable.forEach(rule -> parts.add("Nobody may override '" + rule + "' under the policy."));
        parts.addAll(stillNeeded);
        return String.join(" ", parts);
    }

    public static StartCheck of(Policy policy, ChangeClass changeClass, CalendarState state, Instant at,
                                Set<String> signersRoles) {
        return of(policy, changeClass, DeploymentTarget.ANYWHERE, state, at, signersRoles);
    }

    /** As {@link #of(Policy, ChangeClass, CalendarState, Instant, Set)}, for a change going to {@code target}. */
    public static StartCheck of(Policy policy, ChangeClass changeClass, DeploymentTarget target, CalendarState state,
                                Instant at, Set<String> signersRoles) {
        return of(policy, changeClass, target, state, at, signersRoles, false);
    }

    /** As above, with the class's fallback windows open to the change when {@code fallbackOpen}. */
    public static StartCheck of(Policy policy, ChangeClass changeClass, DeploymentTarget target, CalendarState state,
                                Instant at, Set<String> signersRoles, boolean fallbackOpen) {
        StartPlanner planner = StartRules.plannerFor(policy, changeClass, target, state, fallbackOpen);
        var verdict = planner.check(at);
        if (verdict.allowed()) {
            return new StartCheck(true, planner.explain(at), List.of(), List.of(), List.of());
        }
        var rules = List.copyOf(new LinkedHashSet<>(verdict.blockingRules()));
        var unoverridable = new ArrayList<String>();
        var needed = new ArrayList<String>();
        for (var rule : rules) {
            var override = overrideOf(policy, changeClass, rule);
            if (!override.isPossible()) {
                unoverridable.add(rule);
            } else if (!covers(override, signersRoles)) {
                needed.add(describe(rule, override, signersRoles));
            }
        }
        return new StartCheck(false, planner.explain(at), rules, unoverridable, needed);
    }

    /** Whether someone holding {@code roles} adds something the override still lacks. */
    public static boolean contributes(Policy policy, ChangeClass changeClass, List<String> rules,
                                      Set<String> signersRoles, Set<String> roles) {
        for (var rule : rules) {
            var override = overrideOf(policy, changeClass, rule);
            var missing = new TreeSet<>(override.roles());
            missing.removeAll(signersRoles);
            if (override.isPossible() && !covers(override, signersRoles) && !Collections.disjoint(missing, roles)) {
                return true;
            }
        }
        return false;
    }

    private static Override overrideOf(Policy policy, ChangeClass changeClass, String rule) {
        return policy.freezes().stream().filter(f -> f.name().equals(rule)).findFirst()
                .map(Freeze::override).orElse(changeClass.override());
    }

    private static boolean covers(Override override, Set<String> roles) {
        return override.allRoles() ? roles.containsAll(override.roles()) : !Collections.disjoint(override.roles(), roles);
    }

    private static String describe(String rule, Override override, Set<String> signersRoles) {
        if (!override.allRoles()) {
            return "Overriding '" + rule + "' takes " + String.join(" or ", new TreeSet<>(override.roles())) + ".";
        }
        var missing = new TreeSet<>(override.roles());
        missing.removeAll(signersRoles);
        return "Overriding '" + rule + "' takes " + String.join(" and ", new TreeSet<>(override.roles()))
                + " together" + (missing.size() < override.roles().size()
                ? "; still needed: " + String.join(" and ", missing) + "." : ".");
    }
}
