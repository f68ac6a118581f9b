package dev.changebot.domain.calendar;

import java.util.List;

/** Every span of every schedule; where they overlap or touch, {@link Schedule#spanAt} sees one block. */
public record UnionSchedule(List<Schedule> schedules) implements Schedule {

    public UnionSchedule {
        schedules = List.copyOf(schedules);
    }

    public static UnionSchedule of(Schedule... schedules) {
        return new UnionSchedule(List.of(schedules));
    }

    @Override
    public List<TimeSpan> occurrencesOverlapping(TimeSpan within) {
        return schedules.stream().flatMap(schedule -> schedule.occurrencesOverlapping(within).stream()).toList();
    }
}
