package dev.changebot.domain.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The last {@code lastDays} whole local days of each month or quarter: the financial close, when
 * billing and reporting must not be disturbed. Counted back from the real last day, so "the last 2
 * days" of February 2028 are the 28th and the 29th.
 */
public record EndOfPeriodSchedule(ZoneId zone, PeriodKind kind, int lastDays) implements Schedule {

    public enum PeriodKind {
        MONTH(1, 28), QUARTER(3, 90);

        private final int months;
        private final int shortestDays;

        PeriodKind(int months, int shortestDays) {
            this.months = months;
            this.shortestDays = shortestDays;
        }
    }

    public EndOfPeriodSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(kind, "kind");
        if (lastDays < 1 || lastDays > kind.shortestDays) {
            throw new IllegalArgumentException("The last days of a " + kind.name().toLowerCase(Locale.ROOT)
                    + " must be 1 to " + kind.shortestDays + ", got " + lastDays);
        }
    }

    @Override
    public List<TimeSpan> occurrencesOverlapping(TimeSpan within) {
        YearMonth last = YearMonth.from(LocalDays.dateOf(within.end(), zone)).plusMonths(kind.months);
        List<TimeSpan> found = new ArrayList<>();
        for (YearMonth month = firstPeriodEnd(YearMonth.from(LocalDays.dateOf(within.start(), zone)));
                !month.isAfter(last); month = month.plusMonths(kind.months)) {
            LocalDate lastDay = month.atEndOfMonth();
            TimeSpan span = LocalDays.span(lastDay.minusDays(lastDays - 1L), lastDay, zone);
            if (span.overlaps(within)) {
                found.add(span);
            }
        }
        return found;
    }

    /** The month ending the period that contains {@code month}: itself, or March, June, September, December. */
    private YearMonth firstPeriodEnd(YearMonth month) {
        int offset = Math.floorMod(-month.getMonthValue(), kind.months);
        return month.plusMonths(offset);
    }
}
