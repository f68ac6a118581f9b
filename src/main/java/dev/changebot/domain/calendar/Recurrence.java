package dev.changebot.domain.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The dates a rule such as "the first Tuesday of each month" picks. A port: an adapter implements it
 * with an RFC 5545 RRULE library, because recurrence rules are subtle.
 */
public interface Recurrence {

    /** The dates picked, ascending, from {@code fromInclusive} to {@code toInclusive}. */
    List<LocalDate> datesBetween(LocalDate fromInclusive, LocalDate toInclusive);
}
