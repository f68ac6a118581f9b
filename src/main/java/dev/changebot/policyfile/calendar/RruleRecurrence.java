package dev.changebot.policyfile.calendar;

import dev.changebot.domain.calendar.Recurrence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * An RFC 5545 RRULE ("FREQ=MONTHLY;BYDAY=1TU") read by lib-recur, strictly: a typo in a policy file is
 * refused, not silently ignored.
 *
 * <p>A rule counts from its first date (DTSTART): INTERVAL, COUNT and the week a FREQ=WEEKLY;INTERVAL=2
 * rule falls on depend on it. Without one, rules count from {@link #DEFAULT_FIRST_DATE}, so answers do
 * not depend on the dates asked about.
 */
public final class RruleRecurrence implements Recurrence {

    public static final LocalDate DEFAULT_FIRST_DATE = LocalDate.of(1970, 1, 1);

    /** The recurrence names dates; rules that repeat within a day make no sense here. */
    private static final Set<Freq> SUB_DAILY = EnumSet.of(Freq.SECONDLY, Freq.MINUTELY, Freq.HOURLY);

    private final String text;
    private final RecurrenceRule rule;
    private final LocalDate firstDate;

    public RruleRecurrence(String rrule) {
        this(rrule, DEFAULT_FIRST_DATE);
    }

    public RruleRecurrence(String rrule, LocalDate firstDate) {
        Objects.requireNonNull(rrule, "rrule");
        this.firstDate = Objects.requireNonNull(firstDate, "firstDate");
        this.text = rrule.strip();
        try {
            this.rule = new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException invalid) {
            throw new IllegalArgumentException("Invalid recurrence rule '" + text + "': " + invalid.getMessage(), invalid);
        }
        if (SUB_DAILY.contains(rule.getFreq())) {
            throw new IllegalArgumentException("Invalid recurrence rule '" + text + "': FREQ must be DAILY or longer");
        }
        try {
            // Some mistakes only show when iterating (UNTIL with a time against an all-day start).
            rule.iterator(dateTime(firstDate)).hasNext();
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException("Invalid recurrence rule '" + text + "': " + invalid.getMessage(), invalid);
        }
    }

    @Override
    public List<LocalDate> datesBetween(LocalDate fromInclusive, LocalDate toInclusive) {
        List<LocalDate> dates = new ArrayList<>();
        RecurrenceRuleIterator instances = rule.iterator(dateTime(firstDate));
        if (fromInclusive.isAfter(firstDate)) {
            instances.fastForward(dateTime(fromInclusive));
        }
        while (instances.hasNext()) {
            LocalDate date = localDate(instances.nextDateTime());
            if (date.isAfter(toInclusive)) {
                break;
            }
            if (!date.isBefore(fromInclusive)) {
                dates.add(date);
            }
        }
        return dates;
    }

    @Override
    public String toString() {
        return text;
    }

    /** lib-recur counts months from 0. */
    private static DateTime dateTime(LocalDate date) {
        return new DateTime(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }

    private static LocalDate localDate(DateTime dateTime) {
        return LocalDate.of(dateTime.getYear(), dateTime.getMonth() + 1, dateTime.getDayOfMonth());
    }
}
