package dev.changebot.domain.evidence;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the period an auditor asks for: a quarter ({@code 2026-Q3}), a month ({@code 2026-11}), a
 * range of days ({@code 2026-07-01..2026-09-30}) or the last days up to today ({@code 7d}), in the
 * policy's time zone on {@code today} there. A period that starts in the future, is longer than
 * {@link Period#MAX_DAYS} or cannot be read is refused with what to write instead; one that
 * reaches past today covers what happened so far.
 */
public final class PeriodReading {

    public static final String EXAMPLES = "`2026-Q3`, `2026-11`, `2026-07-01..2026-09-30` or `30d`";

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*\\.\\.\\s*(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LAST_DAYS = Pattern.compile("(\\d{1,4})d");

    private PeriodReading() {
    }

    /** The period, or why not. */
    public sealed interface Result {
    }

    public record Read(Period period) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    public static Result read(String text, ZoneId zone, LocalDate today) {
        var asked = text == null ? "" : text.strip();
        if (asked.isEmpty()) {
            return new Refused("Which period? Give " + EXAMPLES + ".");
        }
        try {
            return range(asked, zone, today)
                    .map(days -> days[1].isBefore(days[0])
                            ? (Result) new Refused("`" + clip(asked) + "` ends before it starts.")
                            : check(new Period(asked, days[0], days[1], zone), today))
                    .orElseGet(() -> new Refused("`" + clip(asked) + "` is not a period I can read: give " + EXAMPLES + "."));
        } catch (DateTimeException notADate) {
            return new Refused("`" + clip(asked) + "` is not a date in the calendar: give " + EXAMPLES + ".");
        }
    }

    /** Reads dates between the start and the end the caller already has (the command line's --from/--to). */
    public static Result between(String from, String to, ZoneId zone, LocalDate today) {
        if (!DAY.matcher(from.strip()).matches() || !DAY.matcher(to.strip()).matches()) {
            return new Refused("--from and --to are days like 2026-07-01, not `" + clip(from) + "` and `" + clip(to) + "`.");
        }
        return read(from.strip() + ".." + to.strip(), zone, today);
    }

    private static Optional<LocalDate[]> range(String asked, ZoneId zone, LocalDate today) {
        var quarter = QUARTER.matcher(asked);
        if (quarter.matches()) {
            var start = YearMonth.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1);
            return Optional.of(new LocalDate[] {start.atDay(1), start.plusMonths(2).atEndOfMonth()});
        }
        var month = MONTH.matcher(asked);
        if (month.matches()) {
            var ym = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
            return Optional.of(new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()});
        }
        var range = RANGE.matcher(asked);
        if (range.matches()) {
            return Optional.of(new LocalDate[] {LocalDate.parse(range.group(1)), LocalDate.parse(range.group(2))});
        }
        var lastDays = LAST_DAYS.matcher(asked);
        if (lastDays.matches() && Integer.parseInt(lastDays.group(1)) > 0) {
            return Optional.of(new LocalDate[] {today.minusDays(Integer.parseInt(lastDays.group(1)) - 1L), today});
        }
        return Optional.empty();
    }

    private static Result check(Period period, LocalDate today) {
        if (period.first().isAfter(today)) {
            return new Refused("`" + clip(period.label()) + "` starts after today (" + today + " in "
                    + period.zone().getId() + "): there is no evidence yet.");
        }
        if (period.days() > Period.MAX_DAYS) {
            return new Refused("`" + clip(period.label()) + "` is " + period.days() + " days; one pack covers at most "
                    + Period.MAX_DAYS + " days: export it in parts, e.g. quarter by quarter.");
        }
        return new Read(period);
    }

    private static String clip(String text) {
        var oneLine = text.replaceAll("\\s+", " ").replace("`", "'");
        return oneLine.length() > 40 ? oneLine.substring(0, 39) + "…" : oneLine;
    }
}
