package dev.changebot.domain.policy;

import java.time.Duration;
import java.util.Optional;

/**
 * When to nudge: pending approvers after {@code remindAfter}, then tell {@code escalateTo}
 * (a role) in {@code escalationChannel} after {@code escalateAfter}; follow-up owners
 * {@code followUpReminderBefore} their deadline, escalating at it.
 */
public record Reminders(Duration remindAfter, Duration escalateAfter, Optional<String> escalateTo,
                        Optional<String> escalationChannel, Duration followUpReminderBefore) {

    /**
     * The soonest after a step opens that it can owe a nudge: the reminder's delay, or the escalation's
     * when that comes first (an escalation of zero is none).
     */
    public Duration earliestNudge() {
        return escalateAfter.isZero() || escalateAfter.compareTo(remindAfter) >= 0 ? remindAfter : escalateAfter;
    }

    public static Reminders defaults() {
        return new Reminders(Duration.ofHours(4), Duration.ofHours(24), Optional.empty(), Optional.empty(),
                Duration.ofHours(4));
    }
}
