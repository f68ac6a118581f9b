package dev.changebot.domain.calendar;

import java.util.Objects;

/**
 * A schedule as policy speaks of it: {@code name} is the rule's id ("weekend"), {@code label} what a
 * person reads in a sentence ("the weekend freeze").
 */
public record NamedSchedule(String name, String label, Schedule schedule) {

    public NamedSchedule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A schedule needs a name");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("Schedule " + name + " needs a label");
        }
        Objects.requireNonNull(schedule, "schedule");
    }
}
