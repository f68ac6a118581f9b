package dev.changebot.domain.gate;

import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.DeploymentTarget;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StartCheck;
import dev.changebot.domain.policy.StartRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The policy's calendar for one deployment: the windows and freezes of the change's class that are
 * in scope for its service and environment ({@code applies_to_services}, {@code applies_to_environments}),
 * as the bot applies them when work starts. The class is the change's own, already the one its
 * service's override made it.
 */
public final class PolicyCalendar implements DeployCalendar {

    @Override
    public Answer mayGo(Policy policy, ChangeClass changeClass, CalendarState state, String service,
                        String environment, Instant at, Instant proposedStart) {
        var target = new DeploymentTarget(Optional.ofNullable(service), Optional.of(environment));
        var fallback = StartRules.fallbackOpen(policy, changeClass, target, proposedStart, at);
        var check = StartCheck.of(policy, changeClass, target, state, at, Set.of(), fallback);
        if (check.allowed()) {
            return new Answer(true, List.of(), check.summary(), Optional.of(at), false);
        }
        var next = StartRules.plannerFor(policy, changeClass, target, state, fallback).earliestCompliantStart(at);
        return new Answer(false, check.blockingRules(), check.summary(), next, check.unoverridable().isEmpty());
    }
}
