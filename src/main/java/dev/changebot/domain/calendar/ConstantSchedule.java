package dev.changebot.domain.calendar;

import java.util.List;

/** {@link Schedule#always()} and {@link Schedule#never()}. */
enum ConstantSchedule implements Schedule {
    ALWAYS {
        @Override
        public List<TimeSpan> occurrencesOverlapping(TimeSpan within) {
            return List.of(within);
        }
    },
    NEVER {
        @Override
        public List<TimeSpan> occurrencesOverlapping(TimeSpan within) {
            return List.of();
        }
    }
}
