package dev.changebot.domain.schedule;

import dev.changebot.domain.calendar.BusinessCalendar;
import dev.changebot.domain.calendar.HolidayCalendar;
import dev.changebot.domain.calendar.NamedSchedule;
import dev.changebot.domain.calendar.Notice;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.calendar.WeeklyRange;
import dev.changebot.domain.calendar.WeeklySchedule;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.ApprovalMatrix;
import dev.changebot.domain.policy.ApprovalSettings;
import dev.changebot.domain.policy.ApprovalStep;
import dev.changebot.domain.policy.AuditSettings;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.Freeze;
import dev.changebot.domain.policy.FreezeSource;
import dev.changebot.domain.policy.Override;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.Reminders;
import dev.changebot.domain.policy.Role;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A policy in New York time: "normal" changes start on weekdays 10:00–16:00 (the "business-hours"
 * window), nothing but emergencies starts from Friday 16:00 to Monday 08:00 (the weekend freeze);
 * "standard" changes may start any time outside the freeze; incidents of P1 freeze everything.
 */
final class SchedulePolicies {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Tuesday 1 December 2026, 09:00 in New York. */
    static final Instant NOW = Instant.parse("2026-12-01T14:00:00Z");

    private SchedulePolicies() {
    }

    static Policy newYork() {
        var weekend = new WeeklySchedule(NEW_YORK, List.of(new WeeklyRange(DayOfWeek.FRIDAY, LocalTime.of(16, 0),
                DayOfWeek.MONDAY, LocalTime.of(8, 0))));
        var freezes = List.of(
                new Freeze("weekend", "the weekend freeze", new FreezeSource.Scheduled(weekend), Set.of(), Override.NOBODY),
                new Freeze("incidents", "the incident freeze", new FreezeSource.ActiveIncidents(Set.of("P1")), Set.of(),
                        Override.NOBODY),
                new Freeze("declared", "a declared freeze", new FreezeSource.Declared(Set.of()), Set.of(), Override.NOBODY));
        var hours = new NamedSchedule("business-hours", "business hours", new WeeklySchedule(NEW_YORK,
                WeeklyRange.daily(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(10, 0),
                        LocalTime.of(16, 0))));
        var review = new ApprovalStep("Review", Set.of("reviewers"), 1);
        var normal = new ChangeClass("normal", "Normal change", false, false, Set.of(), List.of(review),
                List.of("business-hours"), new Notice.None(), List.of(), Optional.empty(), Optional.empty(),
                Override.NOBODY, List.of(), Set.of());
        var standard = new ChangeClass("standard", "Standard change", true, false, Set.of(), List.of(), List.of(),
                new Notice.None(), List.of(), Optional.empty(), Optional.empty(), Override.NOBODY, List.of(), Set.of());
        var classes = new LinkedHashMap<String, ChangeClass>();
        classes.put("normal", normal);
        classes.put("standard", standard);
        var roles = Map.of("reviewers", new Role("reviewers", "Reviewers", Set.of(), Set.of("U_BOB")));
        return new Policy("test", "Test policy", NEW_YORK, roles, ApprovalSettings.defaults(), classes,
                Optional.of("normal"), Optional.empty(), ApprovalMatrix.NONE, Map.of(hours.name(), hours), freezes,
                new BusinessCalendar(NEW_YORK, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), HolidayCalendar.none()),
                Reminders.defaults(), AuditSettings.none());
    }

    /** An approved normal change by {@code owner} to {@code service}, from {@code start} for {@code hours} hours. */
    static ScheduledChange change(int number, String owner, String service, String systems, String start, int hours) {
        return change(number, owner, service, systems, Instant.parse(start), hours, ChangeState.APPROVED);
    }

    static ScheduledChange change(int number, String owner, String service, String systems, Instant start, int hours,
                                  ChangeState state) {
        return new ScheduledChange(new ChangeId(number), "Change " + number, "normal", "Normal change", owner,
                Optional.ofNullable(service), systems, "production", "medium", state,
                Optional.of(new TimeSpan(start, start.plus(Duration.ofHours(hours)))), "1/1 approved");
    }
}
