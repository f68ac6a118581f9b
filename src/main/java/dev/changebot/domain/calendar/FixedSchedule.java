package dev.changebot.domain.calendar;

import java.util.List;

/** One-off periods, such as a declared freeze from 2026-12-24 to 2026-12-27. */
public record FixedSchedule(List<TimeSpan> spans) implements Schedule {

    public FixedSchedule {
        spans = List.copyOf(spans);
    }

    public static FixedSchedule of(TimeSpan... spans) {
        return new FixedSchedule(List.of(spans));
    }

    @Override
    public List<TimeSpan> occurrencesOverlapping(TimeSpan within) {
        return spans.stream().filter(within::overlaps).toList();
    }
}
