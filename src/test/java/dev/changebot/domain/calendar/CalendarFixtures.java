package dev.changebot.domain.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The calendar of a typical team, in domain words: its change windows and its weekend freeze. */
final class CalendarFixtures {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private CalendarFixtures() {
    }

    /** Mon 10–16, Tue–Thu 10–18, Fri 10–14 UTC. */
    static WeeklySchedule standardWindows() {
        List<WeeklyRange> ranges = new ArrayList<>();
        ranges.addAll(WeeklyRange.daily(Set.of(MONDAY), time("10:00"), time("16:00")));
        ranges.addAll(WeeklyRange.daily(Set.of(TUESDAY, WEDNESDAY, THURSDAY), time("10:00"), time("18:00")));
        ranges.addAll(WeeklyRange.daily(Set.of(FRIDAY), time("10:00"), time("14:00")));
        return new WeeklySchedule(UTC, ranges);
    }

    /** Friday 16:00 → Monday 08:00 UTC. */
    static WeeklySchedule weekendFreeze() {
        return new WeeklySchedule(UTC, List.of(new WeeklyRange(FRIDAY, time("16:00"), MONDAY, time("08:00"))));
    }

    static NamedSchedule standardWindow() {
        return new NamedSchedule("standard", "the standard window", standardWindows());
    }

    static NamedSchedule weekend() {
        return new NamedSchedule("weekend", "the weekend freeze", weekendFreeze());
    }

    static Instant utc(String isoLocal) {
        return at(isoLocal, UTC);
    }

    /** A wall-clock time in a zone, e.g. {@code at("2026-10-30T15:00", LOS_ANGELES)}. */
    static Instant at(String isoLocal, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(isoLocal), zone).toInstant();
    }

    static TimeSpan span(String startIso, String endIso) {
        return new TimeSpan(Instant.parse(startIso), Instant.parse(endIso));
    }

    static LocalTime time(String text) {
        return LocalTime.parse(text);
    }
}
