package dev.changebot.domain.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calendar of a period, day by day in {@code zone}: the days with something on them, the changes
 * that could not be placed (no planned start or duration), and for each class of change (by label, in
 * the policy's order) the earliest start the policy allows from now.
 */
public record ChangeCalendar(CalendarPeriod period, ZoneId zone, Optional<String> service, List<CalendarDay> days,
                             List<ScheduledChange> unscheduled, Map<String, Optional<Instant>> earliestStartByClass) {

    public ChangeCalendar {
        days = List.copyOf(days);
        unscheduled = List.copyOf(unscheduled);
        earliestStartByClass = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(earliestStartByClass));
    }
}
