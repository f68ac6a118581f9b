package dev.changebot.domain.gate;

import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StartCheck;
import dev.changebot.domain.policy.StartRules;
import java.time.Instant;
import java.util.Set;

/** Today's calendar: the windows and freezes of the change's class, whatever the service or environment. */
public final class ClassCalendar implements DeployCalendar {

    @Override
    public Answer mayGo(Policy policy, ChangeClass changeClass, CalendarState state, String service,
                        String environment, Instant at) {
        var check = StartCheck.of(policy, changeClass, state, at, Set.of());
        if (check.allowed()) {
            return new Answer(true, java.util.List.of(), check.summary(), java.util.Optional.of(at), false);
        }
        var next = StartRules.plannerFor(policy, changeClass, state).earliestCompliantStart(at);
        return new Answer(false, check.blockingRules(), check.summary(), next, check.unoverridable().isEmpty());
    }
}
