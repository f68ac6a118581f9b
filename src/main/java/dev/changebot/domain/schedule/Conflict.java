package dev.changebot.domain.schedule;

import dev.changebot.domain.calendar.TimeSpan;
import java.util.Optional;

/**
 * Something standing in the way of a change's planned window. {@code other} is the change it clashes
 * with, for the kinds between two changes; {@code rule} names the freeze or the class's windows
 * otherwise; {@code overlap} is the time they share (the whole planned window when outside the windows).
 */
public record Conflict(Kind kind, Optional<ScheduledChange> other, Optional<String> rule, TimeSpan overlap) {

    public enum Kind {
        /** Another change to the same service at the same time. */
        SAME_SERVICE("same service"),
        /** Another change naming one of the same systems at the same time. */
        SAME_SYSTEM("same system"),
        /** A rollout under way on the same service (Mixpeek §5: one rollout at a time). */
        ROLLOUT_IN_PROGRESS("rollout in progress"),
        /** The planned window runs into a freeze that applies to the change. */
        FREEZE("freeze"),
        /** The planned start is outside every window of the change's class. */
        OUTSIDE_WINDOWS("outside the windows"),
        /** The same person carries out two changes at once. */
        SAME_PERSON("same person"),
        /** A change to a service the other's service depends on, or the other way round (the policy's depends_on). */
        DEPENDENCY("dependency");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A stable key of what the conflict is about, so the same conflict is told once: "SAME_SERVICE:CHG-4". */
    public String key() {
        return kind.name() + ":" + other.map(o -> o.id().toString()).or(() -> rule).orElse("");
    }
}
