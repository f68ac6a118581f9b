package dev.changebot.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How calendar facts read in messages: "Mon 08:00 UTC", "Fri 16:00 → Mon 08:00 UTC", "Tue 10:00–18:00
 * UTC", "24 h". English whatever the server's locale, so messages do not change with the machine.
 */
public final class CalendarText {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_DATE_TIME =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private CalendarText() {
    }

    /** "Mon 08:00 UTC". */
    public static String moment(Instant instant, ZoneId zone) {
        ZonedDateTime local = local(instant, zone);
        return DAY_TIME.format(local) + " " + ZONE.format(local);
    }

    /** "Mon 10:00 UTC (2026-03-09 10:00 UTC)". */
    public static String momentWithDate(Instant instant, ZoneId zone) {
        ZonedDateTime local = local(instant, zone);
        return moment(instant, zone) + " (" + DATE_TIME.format(local) + " " + ZONE.format(local) + ")";
    }

    /** "Wed 2026-03-11 10:00 PDT (17:00 UTC)"; "Wed 2026-03-11 17:00 UTC" when the zone is UTC. */
    public static String zonedAndUtc(Instant instant, ZoneId zone) {
        ZonedDateTime local = local(instant, zone);
        ZonedDateTime utc = local(instant, java.time.ZoneOffset.UTC);
        var text = java.time.format.DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", java.util.Locale.ENGLISH)
                .format(local) + " " + ZONE.format(local);
        if (local.getOffset().equals(java.time.ZoneOffset.UTC)) {
            return text;
        }
        return text + " (" + java.time.format.DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ENGLISH).format(utc)
                + " UTC" + (utc.toLocalDate().equals(local.toLocalDate()) ? "" : " " + utc.toLocalDate()) + ")";
    }

    /** A moment seen from {@code now}: the weekday is enough within the coming days, a date is added after. */
    public static String momentFrom(Instant now, Instant instant, ZoneId zone) {
        return weekdayIsEnough(local(now, zone), local(instant, zone))
                ? moment(instant, zone)
                : momentWithDate(instant, zone);
    }

    /** "Tue 10:00–18:00 UTC" within a day, "Fri 16:00 → Mon 08:00 UTC" within a week, with dates beyond. */
    public static String span(TimeSpan span, ZoneId zone) {
        ZonedDateTime start = local(span.start(), zone);
        ZonedDateTime end = local(span.end(), zone);
        String startZone = ZONE.format(start);
        String endZone = ZONE.format(end);
        // Across a DST change the zone names differ (PDT → PST): each end then says its own.
        String startSuffix = startZone.equals(endZone) ? "" : " " + startZone;
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return DAY_TIME.format(start) + startSuffix + "–" + TIME.format(end) + " " + endZone;
        }
        DateTimeFormatter format = weekdayIsEnough(start, end) ? DAY_TIME : DAY_DATE_TIME;
        return format.format(start) + startSuffix + " → " + format.format(end) + " " + endZone;
    }

    /** "24 h", "7 days", "1 h 30 min", "45 min": whole days are named from two days on. */
    public static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (duration.toHours() >= 48 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + " days";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    /** Within the same local week from {@code from}'s date: a weekday then names one day only. */
    private static boolean weekdayIsEnough(ZonedDateTime from, ZonedDateTime to) {
        long days = ChronoUnit.DAYS.between(from.toLocalDate(), to.toLocalDate());
        return days >= 0 && days < 7;
    }

    /**
     * "a medium-risk change", "an emergency change". By the first letter, which suits the labels
     * policies use; a label such as "user-facing change" would need its article written in.
     */
    public static String withArticle(String noun) {
        return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static ZonedDateTime local(Instant instant, ZoneId zone) {
        // ZoneOffset.UTC would print as "Z"; people read "UTC".
        return instant.atZone(ZoneOffset.UTC.equals(zone) ? ZoneId.of("UTC") : zone);
    }
}
