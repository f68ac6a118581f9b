package dev.changebot.domain.schedule;

import static dev.changebot.domain.schedule.SchedulePolicies.NOW;
import static dev.changebot.domain.schedule.SchedulePolicies.NEW_YORK;
import static dev.changebot.domain.schedule.SchedulePolicies.change;
import static dev.changebot.domain.schedule.SchedulePolicies.newYork;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.CalendarState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The calendar of a period, day by day in the reader's zone, under a policy in another zone. */
class CalendarBuilderTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static CalendarPeriod period(String typed, ZoneId zone) {
        return ((CalendarPeriod.Read) CalendarPeriod.read(typed, NOW, zone)).period();
    }

    static ChangeCalendar build(List<ScheduledChange> changes, List<DeclaredFreeze> declared, Optional<String> service) {
        return CalendarBuilder.build(newYork(), CalendarState.QUIET, declared, changes, period("7d", BERLIN), BERLIN, NOW,
                service);
    }

    static CalendarDay day(ChangeCalendar calendar, String date) {
        return calendar.days().stream().filter(d -> d.date().equals(LocalDate.parse(date))).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("days are the reader's: a change across Berlin's midnight is on both days, the weekend freeze on four")
    void daysInTheReadersZone() {
        // 23:30–01:30 in Berlin, 17:30–19:30 in New York.
        var lateNight = change(1, "U_ANN", "api", "", "2026-12-01T22:30:00Z", 2);
        var calendar = build(List.of(lateNight), List.of(), Optional.empty());

        // From Tuesday 15:00 in Berlin for 7 days: 1 to 8 December.
        assertThat(calendar.days()).extracting(CalendarDay::date).first().isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(calendar.days()).extracting(CalendarDay::date).last().isEqualTo(LocalDate.parse("2026-12-08"));
        assertThat(day(calendar, "2026-12-01").changes()).containsExactly(lateNight);
        assertThat(day(calendar, "2026-12-02").changes()).containsExactly(lateNight);
        assertThat(day(calendar, "2026-12-03").changes()).isEmpty();
        // Friday 16:00 to Monday 08:00 in New York: Friday 22:00 to Monday 14:00 in Berlin.
        for (var date : List.of("2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07")) {
            assertThat(day(calendar, date).freezes()).singleElement().satisfies(f -> {
                assertThat(f.label()).isEqualTo("the weekend freeze");
                assertThat(f.kind()).isEqualTo(CalendarFreeze.Kind.SCHEDULED);
                assertThat(f.span()).isEqualTo(new TimeSpan(Instant.parse("2026-12-04T21:00:00Z"),
                        Instant.parse("2026-12-07T13:00:00Z")));
            });
        }
        assertThat(day(calendar, "2026-12-03").freezes()).isEmpty();
    }

    @Test
    @DisplayName("windows show on weekdays with the classes they are for; none at the weekend")
    void windows() {
        var calendar = build(List.of(), List.of(), Optional.empty());

        assertThat(day(calendar, "2026-12-02").windows()).singleElement().satisfies(w -> {
            assertThat(w.label()).isEqualTo("business hours");
            assertThat(w.forClasses()).containsExactly("Normal change");
            assertThat(w.span().start()).isEqualTo(Instant.parse("2026-12-02T15:00:00Z"));
        });
        assertThat(day(calendar, "2026-12-05").windows()).isEmpty();
    }

    @Test
    @DisplayName("a change with no planned window is listed apart; finished changes are left out; a service filters")
    void unscheduledFinishedAndService() {
        var unplanned = new ScheduledChange(new dev.changebot.domain.change.ChangeId(7), "No date yet", "normal",
                "Normal change", "U_ANN", Optional.of("api"), "", "", "", ChangeState.PENDING_APPROVAL, Optional.empty(),
                "0/1 approved");
        var cancelled = change(2, "U_ANN", "api", "", Instant.parse("2026-12-02T15:00:00Z"), 1, ChangeState.CANCELLED);
        var worker = change(3, "U_ANN", "worker", "", "2026-12-02T15:00:00Z", 1);
        var api = change(4, "U_ANN", "api", "", "2026-12-02T16:00:00Z", 1);
        var nextYear = change(5, "U_ANN", "api", "", "2027-02-02T16:00:00Z", 1);

        var all = build(List.of(unplanned, cancelled, worker, api, nextYear), List.of(), Optional.empty());
        assertThat(all.unscheduled()).containsExactly(unplanned);
        assertThat(day(all, "2026-12-02").changes()).containsExactly(worker, api);
        assertThat(all.days()).flatExtracting(CalendarDay::changes).doesNotContain(cancelled, nextYear);

        var onlyApi = build(List.of(unplanned, cancelled, worker, api), List.of(), Optional.of("api"));
        assertThat(day(onlyApi, "2026-12-02").changes()).containsExactly(api);
    }

    @Test
    @DisplayName("a declared freeze with its reason and declarer; one until lifted runs to the end of the period")
    void declaredFreezes() {
        var declared = new DeclaredFreeze("Black Friday traffic", "U_CTO", Instant.parse("2026-12-02T00:00:00Z"),
                Optional.empty());
        var calendar = build(List.of(), List.of(declared), Optional.empty());

        assertThat(day(calendar, "2026-12-08").freezes()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(CalendarFreeze.Kind.DECLARED);
            assertThat(f.label()).isEqualTo("Black Friday traffic");
            assertThat(f.declaredBy()).contains("U_CTO");
            assertThat(f.untilLifted()).isTrue();
        });
        // 01:00 on 2 December in Berlin: not on the 1st.
        assertThat(day(calendar, "2026-12-01").freezes()).isEmpty();
        assertThat(day(calendar, "2026-12-02").freezes()).singleElement()
                .satisfies(f -> assertThat(f.span().start()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z")));
    }

    @Test
    @DisplayName("an open incident freezes from its start, until it is closed")
    void incidentFreeze() {
        var incident = new CalendarState(List.of(), Map.of("P1", List.of(new TimeSpan(Instant.parse("2026-12-01T13:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z")))));
        var calendar = CalendarBuilder.build(newYork(), incident, List.of(), List.of(), period("7d", BERLIN), BERLIN, NOW,
                Optional.empty());

        assertThat(day(calendar, "2026-12-03").freezes()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CalendarFreeze.Kind.INCIDENT);
            assertThat(f.untilLifted()).isTrue();
        });
    }

    @Test
    @DisplayName("the earliest compliant start of each class from now, emergencies left out")
    void earliestStarts() {
        var calendar = build(List.of(), List.of(), Optional.empty());

        // 09:00 in New York: normal changes wait for business hours at 10:00; standard ones may start now.
        assertThat(calendar.earliestStartByClass()).containsExactly(
                Map.entry("Normal change", Optional.of(Instant.parse("2026-12-01T15:00:00Z"))),
                Map.entry("Standard change", Optional.of(NOW)));
    }

    @Test
    @DisplayName("a month is read in the reader's zone and starts now when it has begun")
    void monthPeriod() {
        var december = period("2026-12", NEW_YORK);

        assertThat(december.span()).isEqualTo(new TimeSpan(NOW, Instant.parse("2027-01-01T05:00:00Z")));
        assertThat(december.label()).isEqualTo("2026-12");
        var january = period("2027-01", BERLIN);
        assertThat(january.span().start()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
    }
}
