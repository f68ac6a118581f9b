package dev.changebot.policyfile;

import dev.changebot.domain.calendar.Notice;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the small value languages of a policy file: durations, times, days, zones, notice. */
final class Values {

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern BUSINESS_DAYS = Pattern.compile("(\\d+)\\s*business\\s*days?");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)");
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY,
            "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    static final String DURATION_HINT = "write a duration like 30m, 2h, 1h30m, 7d or 2w";

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    Optional<Duration> duration(String text, Node at, String where) {
        if (text.strip().equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        var matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT).replace(" ", ""));
        if (!matcher.matches()) {
            return fail(at, "'" + where + "' is not a duration: '" + text + "'", DURATION_HINT);
        }
        var d = Duration.ZERO;
        long[] unitsInSeconds = {7 * 86_400, 86_400, 3_600, 60, 1};
        boolean any = false;
        for (int g = 1; g <= 5; g++) {
            if (matcher.group(g) != null) {
                d = d.plusSeconds(Long.parseLong(matcher.group(g)) * unitsInSeconds[g - 1]);
                any = true;
            }
        }
        return any ? Optional.of(d) : fail(at, "'" + where + "' is not a duration: '" + text + "'", DURATION_HINT);
    }

    /** "24h", "7d", "5 business days", or 0/none. */
    Optional<Notice> period(String text, Node at, String where) {
        var lower = text.toLowerCase(Locale.ROOT).strip();
        if (lower.equals("0") || lower.equals("none")) {
            return Optional.of(new Notice.None());
        }
        var business = BUSINESS_DAYS.matcher(lower);
        if (business.matches()) {
            return Optional.of(new Notice.BusinessDays(Integer.parseInt(business.group(1))));
        }
        if (!DURATION.matcher(lower.replace(" ", "")).matches() || lower.isEmpty()) {
            return fail(at, "'" + where + "' is not a period: '" + text + "'",
                    "write 24h, 7d, or '5 business days'");
        }
        return duration(text, at, where).map(Notice.Elapsed::new);
    }

    Optional<LocalTime> time(String text, Node at, String where) {
        var matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            return fail(at, "'" + where + "' is not a time of day: '" + text + "'", "write HH:MM on a 24-hour clock, e.g. 09:30");
        }
        return Optional.of(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    Optional<DayOfWeek> day(String text, Node at, String where) {
        var key = text.toLowerCase(Locale.ROOT);
        var day = DAYS.get(key.length() > 3 ? key.substring(0, 3) : key);
        if (day == null || key.length() > 3 && !day.name().toLowerCase(Locale.ROOT).equals(key)) {
            return fail(at, "'" + where + "' is not a day of the week: '" + text + "'", "use mon, tue, wed, thu, fri, sat, sun");
        }
        return Optional.of(day);
    }

    /** "fri 16:00": a day and a time, for ranges that cross days. */
    Optional<DayTime> dayTime(String text, Node at, String where) {
        var parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            return fail(at, "'" + where + "' must be a day and a time, like 'fri 16:00', not '" + text + "'", "");
        }
        var day = day(parts[0], at, where);
        var time = time(parts[1], at, where);
        return day.isPresent() && time.isPresent() ? Optional.of(new DayTime(day.get(), time.get())) : Optional.empty();
    }

    Optional<MonthDay> monthDay(String text, Node at, String where) {
        try {
            return Optional.of(MonthDay.parse("--" + text.strip()));
        } catch (DateTimeException e) {
            return fail(at, "'" + where + "' is not a month and day: '" + text + "'", "write MM-DD, e.g. 12-25");
        }
    }

    Optional<LocalDateTime> dateTime(String text, Node at, String where) {
        try {
            return Optional.of(LocalDateTime.parse(text.strip()));
        } catch (DateTimeException e) {
            return fail(at, "'" + where + "' is not a date and time: '" + text + "'", "write 2026-12-24T00:00");
        }
    }

    Optional<ZoneId> zone(String text, Node at, String where) {
        try {
            return Optional.of(ZoneId.of(text.strip()));
        } catch (DateTimeException e) {
            return fail(at, "unknown time zone '" + text + "' in '" + where + "'",
                    "use an IANA zone id such as UTC, Europe/Berlin or America/Los_Angeles");
        }
    }

    private <T> Optional<T> fail(Node at, String message, String hint) {
        problems.at(at, message, hint);
        return Optional.empty();
    }

    record DayTime(DayOfWeek day, LocalTime time) {
    }
}
