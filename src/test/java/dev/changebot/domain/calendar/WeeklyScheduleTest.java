package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.BERLIN;
import static dev.changebot.domain.calendar.CalendarFixtures.LOS_ANGELES;
import static dev.changebot.domain.calendar.CalendarFixtures.UTC;
import static dev.changebot.domain.calendar.CalendarFixtures.at;
import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static dev.changebot.domain.calendar.CalendarFixtures.standardWindows;
import static dev.changebot.domain.calendar.CalendarFixtures.time;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static dev.changebot.domain.calendar.CalendarFixtures.weekendFreeze;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A weekly schedule")
class WeeklyScheduleTest {

    private static final TimeSpan FIRST_MARCH_WEEKEND = span("2026-03-06T16:00:00Z", "2026-03-09T08:00:00Z");

    @Nested
    @DisplayName("the weekend freeze, Fri 16:00 → Mon 08:00 UTC")
    class WeekendFreeze {

        @Test
        @DisplayName("is one span across the week end")
        void isOneSpanAcrossTheWeekEnd() {
            assertThat(weekendFreeze().spanAt(utc("2026-03-07T12:00"))).contains(FIRST_MARCH_WEEKEND);
            assertThat(weekendFreeze().spanAt(utc("2026-03-09T07:59"))).contains(FIRST_MARCH_WEEKEND);
        }

        @Test
        @DisplayName("written day by day, still merges into one span")
        void dayByDayMergesIntoOneSpan() {
            Schedule pieces = new WeeklySchedule(UTC, List.of(
                    new WeeklyRange(FRIDAY, time("16:00"), SATURDAY, LocalTime.MIDNIGHT),
                    new WeeklyRange(SATURDAY, LocalTime.MIDNIGHT, SUNDAY, LocalTime.MIDNIGHT),
                    new WeeklyRange(SUNDAY, LocalTime.MIDNIGHT, MONDAY, time("08:00"))));

            assertThat(pieces.spanAt(utc("2026-03-08T03:00"))).contains(FIRST_MARCH_WEEKEND);
        }

        @Test
        @DisplayName("starts at Friday 16:00 sharp and is over at Monday 08:00 sharp")
        void isHalfOpen() {
            assertThat(weekendFreeze().spanAt(utc("2026-03-06T16:00"))).contains(FIRST_MARCH_WEEKEND);
            assertThat(weekendFreeze().spanAt(utc("2026-03-06T15:59"))).isEmpty();
            assertThat(weekendFreeze().spanAt(utc("2026-03-09T08:00"))).isEmpty();
        }

        @Test
        @DisplayName("from a Wednesday, the next span is the coming weekend")
        void nextSpanFromMidweek() {
            assertThat(weekendFreeze().nextSpanFrom(utc("2026-03-04T12:00"))).contains(FIRST_MARCH_WEEKEND);
        }
    }

    @Nested
    @DisplayName("the standard windows, Mon 10–16, Tue–Thu 10–18, Fri 10–14 UTC")
    class StandardWindows {

        @Test
        @DisplayName("a Tuesday noon is inside Tuesday's window")
        void tuesdayNoonIsInside() {
            assertThat(standardWindows().spanAt(utc("2026-03-03T12:00")))
                    .contains(span("2026-03-03T10:00:00Z", "2026-03-03T18:00:00Z"));
        }

        @Test
        @DisplayName("Friday's window closes at 14:00")
        void fridayClosesEarly() {
            assertThat(standardWindows().spanAt(utc("2026-03-06T14:00"))).isEmpty();
        }

        @Test
        @DisplayName("from Friday 16:30, the next window opens Monday 10:00")
        void nextWindowAfterFriday() {
            assertThat(standardWindows().nextSpanFrom(utc("2026-03-06T16:30")))
                    .contains(span("2026-03-09T10:00:00Z", "2026-03-09T16:00:00Z"));
        }

        @Test
        @DisplayName("from inside a window, the next span is that window")
        void nextSpanFromInsideIsTheCurrentOne() {
            assertThat(standardWindows().nextSpanFrom(utc("2026-03-04T17:00")))
                    .contains(span("2026-03-04T10:00:00Z", "2026-03-04T18:00:00Z"));
        }
    }

    @Nested
    @DisplayName("in America/Los_Angeles, Fri 15:00 → Mon 09:00")
    class LosAngelesWeekend {

        private final Schedule freeze = new WeeklySchedule(LOS_ANGELES,
                List.of(new WeeklyRange(FRIDAY, time("15:00"), MONDAY, time("09:00"))));

        @Test
        @DisplayName("lasts 66 h on an ordinary weekend")
        void lasts66Hours() {
            assertThat(freeze.spanAt(at("2026-10-24T12:00", LOS_ANGELES)).orElseThrow().length())
                    .isEqualTo(Duration.ofHours(66));
        }

        @Test
        @DisplayName("lasts 67 h over the fall-back weekend of 2026-11-01, still Friday 15:00 to Monday 09:00 local")
        void lasts67HoursWhenClocksFallBack() {
            TimeSpan weekend = freeze.spanAt(at("2026-10-31T12:00", LOS_ANGELES)).orElseThrow();

            assertThat(weekend).isEqualTo(span("2026-10-30T22:00:00Z", "2026-11-02T17:00:00Z"));
            assertThat(weekend.length()).isEqualTo(Duration.ofHours(67));
        }

        @Test
        @DisplayName("lasts 65 h over the spring-forward weekend of 2026-03-08")
        void lasts65HoursWhenClocksSpringForward() {
            TimeSpan weekend = freeze.spanAt(at("2026-03-07T12:00", LOS_ANGELES)).orElseThrow();

            assertThat(weekend).isEqualTo(span("2026-03-06T23:00:00Z", "2026-03-09T16:00:00Z"));
            assertThat(weekend.length()).isEqualTo(Duration.ofHours(65));
        }
    }

    @Nested
    @DisplayName("in Europe/Berlin, daily 09:00–17:00")
    class BerlinDaily {

        private final Schedule window = new WeeklySchedule(BERLIN,
                WeeklyRange.daily(EnumSet.allOf(DayOfWeek.class), time("09:00"), time("17:00")));

        @Test
        @DisplayName("follows the local clock on the spring-forward day: 07:00–15:00 UTC instead of 08:00–16:00")
        void springForwardDay() {
            assertThat(window.spanAt(at("2026-03-28T12:00", BERLIN))).contains(span("2026-03-28T08:00:00Z", "2026-03-28T16:00:00Z"));
            assertThat(window.spanAt(at("2026-03-29T12:00", BERLIN))).contains(span("2026-03-29T07:00:00Z", "2026-03-29T15:00:00Z"));
        }

        @Test
        @DisplayName("follows the local clock on the fall-back day: 08:00–16:00 UTC instead of 07:00–15:00")
        void fallBackDay() {
            assertThat(window.spanAt(at("2026-10-24T12:00", BERLIN))).contains(span("2026-10-24T07:00:00Z", "2026-10-24T15:00:00Z"));
            assertThat(window.spanAt(at("2026-10-25T12:00", BERLIN))).contains(span("2026-10-25T08:00:00Z", "2026-10-25T16:00:00Z"));
        }
    }

    @Nested
    @DisplayName("local times that DST skips or repeats (Europe/Berlin)")
    class DstEdges {

        @Test
        @DisplayName("a start at 02:30 on 2026-03-29, a time that does not exist, moves forward to 03:30 CEST")
        void startInTheGapMovesForward() {
            Schedule sundayNight = new WeeklySchedule(BERLIN, WeeklyRange.daily(Set.of(SUNDAY), time("02:30"), time("04:00")));

            assertThat(sundayNight.nextSpanFrom(at("2026-03-28T12:00", BERLIN)))
                    .contains(span("2026-03-29T01:30:00Z", "2026-03-29T02:00:00Z"));
        }

        @Test
        @DisplayName("a start at 02:30 on 2026-10-25, a time that happens twice, takes the first (CEST)")
        void ambiguousStartTakesTheEarlierOffset() {
            Schedule sundayNight = new WeeklySchedule(BERLIN, WeeklyRange.daily(Set.of(SUNDAY), time("02:30"), time("04:00")));

            assertThat(sundayNight.nextSpanFrom(at("2026-10-24T12:00", BERLIN)))
                    .contains(span("2026-10-25T00:30:00Z", "2026-10-25T03:00:00Z"));
        }

        @Test
        @DisplayName("02:00–03:00 on the spring-forward night collapses to nothing and is skipped")
        void collapsedOccurrenceIsSkipped() {
            Schedule lostHour = new WeeklySchedule(BERLIN, WeeklyRange.daily(Set.of(SUNDAY), time("02:00"), time("03:00")));

            assertThat(lostHour.nextSpanFrom(at("2026-03-28T12:00", BERLIN)))
                    .contains(span("2026-04-05T00:00:00Z", "2026-04-05T01:00:00Z"));
        }
    }

    @Test
    @DisplayName("an overnight range runs past midnight into the next day")
    void overnightRange() {
        Schedule nights = new WeeklySchedule(UTC, WeeklyRange.daily(Set.of(MONDAY), time("22:00"), time("02:00")));

        assertThat(nights.spanAt(utc("2026-03-03T01:00"))).contains(span("2026-03-02T22:00:00Z", "2026-03-03T02:00:00Z"));
    }

    @Test
    @DisplayName("without ranges, nothing is ever covered")
    void withoutRangesNothingIsCovered() {
        assertThat(new WeeklySchedule(UTC, List.of()).nextSpanFrom(utc("2026-03-03T01:00"))).isEmpty();
    }
}
