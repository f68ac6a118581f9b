package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.UTC;
import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static dev.changebot.domain.calendar.CalendarFixtures.time;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static dev.changebot.domain.calendar.CalendarFixtures.weekendFreeze;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A union of schedules")
class UnionScheduleTest {

    /** Weeknights Mon–Thu 18:00 → 08:00 the next morning. */
    private final Schedule weeknights = new WeeklySchedule(UTC,
            WeeklyRange.daily(Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), time("18:00"), time("08:00")));

    @Test
    @DisplayName("a Monday holiday joins the weekend before and the night after into one block")
    void holidayJoinsWeekendAndNight() {
        Schedule freezes = UnionSchedule.of(weekendFreeze(), weeknights, new HolidaySchedule(UTC, FixedHolidays.of("2026-05-25"), false));

        assertThat(freezes.spanAt(utc("2026-05-25T12:00")))
                .contains(span("2026-05-22T16:00:00Z", "2026-05-26T08:00:00Z"));
    }

    @Test
    @DisplayName("overlapping freezes read as one block reaching from the first start to the last end")
    void overlappingFreezesMerge() {
        Schedule freezes = UnionSchedule.of(weekendFreeze(), new YearlySchedule(UTC, MonthDay.of(12, 24), MonthDay.of(1, 1)));

        assertThat(freezes.spanAt(utc("2026-12-30T12:00")))
                .contains(span("2026-12-24T00:00:00Z", "2027-01-04T08:00:00Z"));
    }

    @Test
    @DisplayName("the next span is the earliest of any member")
    void nextSpanIsTheEarliest() {
        Schedule freezes = UnionSchedule.of(weekendFreeze(), weeknights);

        assertThat(freezes.nextSpanFrom(utc("2026-03-03T12:00")))
                .contains(span("2026-03-03T18:00:00Z", "2026-03-04T08:00:00Z"));
    }

    @Test
    @DisplayName("a union of nothing covers nothing")
    void emptyUnionCoversNothing() {
        assertThat(new UnionSchedule(List.of()).nextSpanFrom(utc("2026-03-03T12:00"))).isEmpty();
    }
}
