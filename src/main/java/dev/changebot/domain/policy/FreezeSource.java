package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.Schedule;
import java.util.Set;

/** Where a freeze's periods come from: the calendar itself, or what is happening right now. */
public sealed interface FreezeSource {

    /** Recurring or fixed periods known in advance (weekends, holidays, year end). */
    record Scheduled(Schedule schedule) implements FreezeSource {
    }

    /**
     * While an incident of one of these severities is open (P0/P1, SEV1/SEV2), on every service or
     * only on the ones the incident affects ({@link IncidentScope}).
     */
    record ActiveIncidents(Set<String> severities, IncidentScope scope) implements FreezeSource {

        public ActiveIncidents {
            severities = Set.copyOf(severities);
        }

        /** Every service (as before issue 18). */
        public ActiveIncidents(Set<String> severities) {
            this(severities, IncidentScope.ALL);
        }
    }

    /** Freezes declared with `/change freeze start` by people holding {@code declaredBy} roles. */
    record Declared(Set<String> declaredBy) implements FreezeSource {

        public Declared {
            declaredBy = Set.copyOf(declaredBy);
        }
    }
}
