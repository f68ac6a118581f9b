package dev.changebot.domain.rules;

import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.Policy;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a decision depends on besides the change and the person: the policy, the moment, what the
 * calendar says now (declared freezes; read only when a rule asks, since most never do), and who
 * holds the roles someone may have to be told about.
 */
public final class Situation {

    private final Policy policy;
    private final Instant now;
    private final Supplier<CalendarState> calendar;
    private final Map<String, Set<String>> roleMembers;
    private CalendarState calendarRead;

    public Situation(Policy policy, Instant now, Supplier<CalendarState> calendar, Map<String, Set<String>> roleMembers) {
        this.policy = policy;
        this.now = now;
        this.calendar = calendar;
        this.roleMembers = Map.copyOf(roleMembers);
    }

    /** A moment with no declared freezes and nobody to tell: enough for most decisions and for tests. */
    public static Situation at(Policy policy, Instant now) {
        return new Situation(policy, now, () -> CalendarState.QUIET, Map.of());
    }

    public Policy policy() {
        return policy;
    }

    public Instant now() {
        return now;
    }

    public CalendarState calendar() {
        if (calendarRead == null) {
            calendarRead = calendar.get();
        }
        return calendarRead;
    }

    /** Who holds each role that was looked up. */
    public Map<String, Set<String>> roleMembers() {
        return roleMembers;
    }

    /** Everyone known to hold {@code role}; empty when nobody was looked up for it. */
    public Set<String> membersOf(String role) {
        return roleMembers.getOrDefault(role, Set.of());
    }
}
