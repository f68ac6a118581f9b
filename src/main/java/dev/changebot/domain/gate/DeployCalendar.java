package dev.changebot.domain.gate;

import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.Policy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one question the gate asks the calendar: may a change of this class go to this service's
 * environment at this instant? One method, so the decision can be tested with a calendar of its own;
 * the app's is {@link PolicyCalendar}.
 */
public interface DeployCalendar {

    /** @param proposedStart when the change was proposed to start: a missed first window opens its fallback windows */
    Answer mayGo(Policy policy, ChangeClass changeClass, CalendarState state, String service, String environment,
                 Instant at, Instant proposedStart);

    /**
     * @param blockingRules names of the freezes and windows in the way (empty when allowed)
     * @param explanation   one sentence for a person
     * @param nextOpen      the first instant it may go, when there is one in sight
     * @param overridable   a signed override in Slack could let it go sooner
     */
    record Answer(boolean allowed, List<String> blockingRules, String explanation, Optional<Instant> nextOpen,
                  boolean overridable) {

        public Answer {
            blockingRules = List.copyOf(blockingRules);
        }
    }
}
