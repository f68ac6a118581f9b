package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.BERLIN;
import static dev.changebot.domain.calendar.CalendarFixtures.UTC;
import static dev.changebot.domain.calendar.CalendarFixtures.at;
import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static dev.changebot.domain.calendar.EndOfPeriodSchedule.PeriodKind.MONTH;
import static dev.changebot.domain.calendar.EndOfPeriodSchedule.PeriodKind.QUARTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("An end-of-period schedule")
class EndOfPeriodScheduleTest {

    @Nested
    @DisplayName("the last 2 days of each month")
    class MonthEnd {

        private final Schedule monthEnd = new EndOfPeriodSchedule(UTC, MONTH, 2);

        @Test
        @DisplayName("are Feb 28 and 29 in the leap year 2028")
        void leapFebruary() {
            assertThat(monthEnd.spanAt(utc("2028-02-29T12:00"))).contains(span("2028-02-28T00:00:00Z", "2028-03-01T00:00:00Z"));
            assertThat(monthEnd.spanAt(utc("2028-02-27T12:00"))).isEmpty();
        }

        @Test
        @DisplayName("are Feb 27 and 28 in 2027")
        void commonFebruary() {
            assertThat(monthEnd.spanAt(utc("2027-02-27T00:00"))).contains(span("2027-02-27T00:00:00Z", "2027-03-01T00:00:00Z"));
        }

        @Test
        @DisplayName("are the 30th and 31st in January")
        void january() {
            assertThat(monthEnd.spanAt(utc("2026-01-31T23:59"))).contains(span("2026-01-30T00:00:00Z", "2026-02-01T00:00:00Z"));
        }

        @Test
        @DisplayName("from mid-March, come next at the end of March")
        void nextFromMidMonth() {
            assertThat(monthEnd.nextSpanFrom(utc("2026-03-10T00:00"))).contains(span("2026-03-30T00:00:00Z", "2026-04-01T00:00:00Z"));
        }

        @Test
        @DisplayName("are whole local days")
        void wholeLocalDays() {
            Schedule berlinMonthEnd = new EndOfPeriodSchedule(BERLIN, MONTH, 2);

            assertThat(berlinMonthEnd.spanAt(at("2026-06-30T23:30", BERLIN))).contains(span("2026-06-28T22:00:00Z", "2026-06-30T22:00:00Z"));
        }
    }

    @Nested
    @DisplayName("the last 5 days of each quarter")
    class QuarterEnd {

        private final Schedule quarterEnd = new EndOfPeriodSchedule(UTC, QUARTER, 5);

        @Test
        @DisplayName("from January, come next at the end of March")
        void firstQuarter() {
            assertThat(quarterEnd.nextSpanFrom(utc("2026-01-15T00:00"))).contains(span("2026-03-27T00:00:00Z", "2026-04-01T00:00:00Z"));
        }

        @Test
        @DisplayName("skip April and May")
        void secondQuarter() {
            assertThat(quarterEnd.spanAt(utc("2026-04-29T12:00"))).isEmpty();
            assertThat(quarterEnd.nextSpanFrom(utc("2026-04-01T00:00"))).contains(span("2026-06-26T00:00:00Z", "2026-07-01T00:00:00Z"));
        }

        @Test
        @DisplayName("end the year at midnight on New Year's Eve")
        void lastQuarter() {
            assertThat(quarterEnd.spanAt(utc("2026-12-31T23:00"))).contains(span("2026-12-27T00:00:00Z", "2027-01-01T00:00:00Z"));
        }
    }

    @Test
    @DisplayName("refuses more days than the shortest period has")
    void refusesTooManyDays() {
        assertThatThrownBy(() -> new EndOfPeriodSchedule(UTC, MONTH, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EndOfPeriodSchedule(UTC, MONTH, 29)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EndOfPeriodSchedule(UTC, QUARTER, 91)).isInstanceOf(IllegalArgumentException.class);
    }
}
