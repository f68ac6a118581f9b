package dev.changebot.domain.schedule;

import dev.changebot.domain.calendar.TimeSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The stretch of time a calendar view shows: the next {@code n} days from now ("7d", "30d") or a
 * calendar month ("2026-12") in the reader's zone. A month already over is refused — the calendar is
 * for what is coming; the audit trail and the report tell the past — and so is one beyond the
 * horizon the schedules are searched within.
 */
public record CalendarPeriod(TimeSpan span, String label) {

    public static final String EXAMPLES = "`7d`, `30d` or a month such as `2026-12`";
    /** Longer than a month of 31 days would not fit a Slack view worth reading; a month is the longest period. */
    static final int MAX_DAYS = 31;
    /** A month further out than this has nothing the calendar can know. */
    static final Duration FURTHEST = Duration.ofDays(366);

    /** A period or the reason the text is not one. */
    public sealed interface Reading permits Read, Refused {
    }

    public record Read(CalendarPeriod period) implements Reading {
    }

    public record Refused(String reason) implements Reading {
    }

    /** Whether {@code word} is meant as a period (so `/change calendar api` is a service, not a bad period). */
    public static boolean looksLikeOne(String word) {
        return word.matches("(?i)[0-9]+d|[0-9]{4}-[0-9]{1,2}");
    }

    /** Blank means the next 7 days. */
    public static Reading read(String typed, Instant now, ZoneId zone) {
        var text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            text = "7d";
        }
        if (text.matches("[0-9]{1,4}d")) {
            int days = Integer.parseInt(text.substring(0, text.length() - 1));
            if (days < 1 || days > MAX_DAYS) {
                return new Refused("A calendar covers 1 to " + MAX_DAYS + " days; for longer, ask month by month ("
                        + EXAMPLES + ").");
            }
            return new Read(new CalendarPeriod(new TimeSpan(now, now.plus(Duration.ofDays(days))), "the next " + days
                    + (days == 1 ? " day" : " days")));
        }
        if (text.matches("[0-9]{4}-[0-9]{2}")) {
            YearMonth month;
            try {
                month = YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                return new Refused("`" + text + "` is not a month: " + EXAMPLES + ".");
            }
            var start = month.atDay(1).atStartOfDay(zone).toInstant();
            var end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            if (!end.isAfter(now)) {
                return new Refused(month + " is over: the calendar shows what is coming. `/change report " + month
                        + "` tells how it went.");
            }
            if (start.isAfter(now.plus(FURTHEST))) {
                return new Refused(month + " is more than a year away: nothing can be planned that far yet.");
            }
            // The part already past is left out: the calendar answers what is still to come.
            return new Read(new CalendarPeriod(new TimeSpan(start.isBefore(now) ? now : start, end), month.toString()));
        }
        return new Refused("I can't read `" + typed.strip() + "` as a period: " + EXAMPLES + ".");
    }
}
