package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.BERLIN;
import static dev.changebot.domain.calendar.CalendarFixtures.UTC;
import static dev.changebot.domain.calendar.CalendarFixtures.at;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A business calendar")
class BusinessCalendarTest {

    /** Christmas Day 2026 (a Friday) and New Year's Day 2027 (a Friday) off. */
    private final BusinessCalendar calendar = new BusinessCalendar(UTC, FixedHolidays.of("2026-12-25", "2027-01-01"));

    @Test
    @DisplayName("a weekday is a business day, unless it is a holiday; Saturday and Sunday never are")
    void knowsBusinessDays() {
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-24"))).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-25"))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-26"))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-27"))).isFalse();
    }

    @Test
    @DisplayName("another weekend can be given: with Friday and Saturday off, Sunday is a working day")
    void otherWeekends() {
        BusinessCalendar fridaySaturday = new BusinessCalendar(UTC, Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), HolidayCalendar.none());

        assertThat(fridaySaturday.isBusinessDay(LocalDate.parse("2026-03-08"))).isTrue();
        assertThat(fridaySaturday.isBusinessDay(LocalDate.parse("2026-03-06"))).isFalse();
    }

    @Nested
    @DisplayName("adding business days")
    class Adding {

        @Test
        @DisplayName("5 business days from Wednesday 2026-12-23 skip Christmas, the weekend and stop before New Year: Thursday 2026-12-31")
        void overChristmas() {
            assertThat(calendar.plusBusinessDays(utc("2026-12-23T09:30"), 5)).isEqualTo(utc("2026-12-31T09:30"));
        }

        @Test
        @DisplayName("6 business days from the same Wednesday skip New Year's Day and its weekend: Monday 2027-01-04")
        void overNewYear() {
            assertThat(calendar.plusBusinessDays(utc("2026-12-23T09:30"), 6)).isEqualTo(utc("2027-01-04T09:30"));
        }

        @Test
        @DisplayName("2 business days from a Friday afternoon are Tuesday afternoon")
        void fromAFriday() {
            assertThat(calendar.plusBusinessDays(utc("2026-03-06T15:00"), 2)).isEqualTo(utc("2026-03-10T15:00"));
        }

        @Test
        @DisplayName("one business day from a Saturday is Monday; zero days is the instant itself")
        void fromASaturday() {
            assertThat(calendar.plusBusinessDays(utc("2026-03-07T11:00"), 1)).isEqualTo(utc("2026-03-09T11:00"));
            assertThat(calendar.plusBusinessDays(utc("2026-03-07T11:00"), 0)).isEqualTo(utc("2026-03-07T11:00"));
        }

        @Test
        @DisplayName("keep the local time across a DST change: Friday 10:00 CET to Monday 10:00 CEST in Berlin")
        void keepTheLocalTimeAcrossDst() {
            BusinessCalendar berlin = new BusinessCalendar(BERLIN, HolidayCalendar.none());

            Instant monday = berlin.plusBusinessDays(at("2026-03-27T10:00", BERLIN), 1);

            assertThat(monday).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        }

        @Test
        @DisplayName("a local time that the DST change skips moves forward, as everywhere in the calendar")
        void timeInTheGapMovesForward() {
            BusinessCalendar sundayIsWorking = new BusinessCalendar(BERLIN, Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), HolidayCalendar.none());

            Instant sunday = sundayIsWorking.plusBusinessDays(at("2026-03-26T02:30", BERLIN), 1);

            assertThat(sunday).isEqualTo(at("2026-03-29T03:30", BERLIN));
        }

        @Test
        @DisplayName("refuse counting backwards")
        void refuseNegativeDays() {
            assertThatThrownBy(() -> calendar.plusBusinessDays(utc("2026-03-06T15:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("counting business days between two instants")
    class Counting {

        @Test
        @DisplayName("counts whole days only: Friday 15:00 to Tuesday 15:00 is 2, to Tuesday 14:59 is 1")
        void wholeDaysOnly() {
            assertThat(calendar.businessDaysBetween(utc("2026-03-06T15:00"), utc("2026-03-10T15:00"))).isEqualTo(2);
            assertThat(calendar.businessDaysBetween(utc("2026-03-06T15:00"), utc("2026-03-10T14:59"))).isEqualTo(1);
        }

        @Test
        @DisplayName("is the inverse of adding, over holidays too")
        void inverseOfAdding() {
            Instant from = utc("2026-12-23T09:30");

            assertThat(calendar.businessDaysBetween(from, calendar.plusBusinessDays(from, 6))).isEqualTo(6);
        }

        @Test
        @DisplayName("is zero for the same instant and negative backwards")
        void zeroAndNegative() {
            assertThat(calendar.businessDaysBetween(utc("2026-03-06T15:00"), utc("2026-03-06T15:00"))).isZero();
            assertThat(calendar.businessDaysBetween(utc("2026-03-10T15:00"), utc("2026-03-06T15:00"))).isEqualTo(-2);
        }
    }

    @Test
    @DisplayName("a week needs at least one working day")
    void needsAWorkingDay() {
        assertThatThrownBy(() -> new BusinessCalendar(UTC, Set.of(DayOfWeek.values()), HolidayCalendar.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
