package dev.changebot.domain.schedule;

import dev.changebot.domain.calendar.TimeSpan;
import java.util.Optional;

/**
 * A freeze on the calendar: one block of a scheduled freeze, a freeze someone declared (who, why),
 * or an incident's, while the incident is open.
 *
 * @param untilLifted declared or incident-driven with no end of its own; {@code span} then ends where
 *                    the calendar stops looking
 */
public record CalendarFreeze(String label, Kind kind, TimeSpan span, boolean untilLifted,
                             Optional<String> declaredBy) {

    public enum Kind {
        SCHEDULED("scheduled"), DECLARED("declared"), INCIDENT("incident");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }
}
