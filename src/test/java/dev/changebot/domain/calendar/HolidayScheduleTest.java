package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.BERLIN;
import static dev.changebot.domain.calendar.CalendarFixtures.UTC;
import static dev.changebot.domain.calendar.CalendarFixtures.at;
import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A holiday schedule")
class HolidayScheduleTest {

    /** 2026: Good Friday, Easter Monday, Memorial Day (Mon), Independence Day observed (Fri), Thanksgiving (Thu). */
    private final HolidayCalendar holidays = FixedHolidays.of("2026-04-03", "2026-04-06", "2026-05-25", "2026-07-03", "2026-11-26");

    private final Schedule holidayWeekends = new HolidaySchedule(UTC, holidays, true);
    private final Schedule holidaysOnly = new HolidaySchedule(UTC, holidays, false);

    @Test
    @DisplayName("a holiday is a whole local day")
    void aHolidayIsAWholeDay() {
        assertThat(holidaysOnly.spanAt(utc("2026-07-03T12:00"))).contains(span("2026-07-03T00:00:00Z", "2026-07-04T00:00:00Z"));
        assertThat(holidaysOnly.spanAt(utc("2026-07-04T12:00"))).isEmpty();
    }

    @Test
    @DisplayName("a Friday holiday takes the weekend after it along")
    void fridayHolidayTakesTheWeekend() {
        assertThat(holidayWeekends.spanAt(utc("2026-07-04T12:00"))).contains(span("2026-07-03T00:00:00Z", "2026-07-06T00:00:00Z"));
    }

    @Test
    @DisplayName("a Monday holiday takes the weekend before it along")
    void mondayHolidayTakesTheWeekend() {
        assertThat(holidayWeekends.spanAt(utc("2026-05-23T12:00"))).contains(span("2026-05-23T00:00:00Z", "2026-05-26T00:00:00Z"));
    }

    @Test
    @DisplayName("Good Friday to Easter Monday is one span")
    void easterIsOneSpan() {
        assertThat(holidayWeekends.spanAt(utc("2026-04-05T12:00"))).contains(span("2026-04-03T00:00:00Z", "2026-04-07T00:00:00Z"));
    }

    @Test
    @DisplayName("a midweek holiday stays one day, weekend or not")
    void midweekHolidayStaysOneDay() {
        assertThat(holidayWeekends.spanAt(utc("2026-11-26T12:00"))).contains(span("2026-11-26T00:00:00Z", "2026-11-27T00:00:00Z"));
        assertThat(holidayWeekends.spanAt(utc("2026-11-28T12:00"))).isEmpty();
    }

    @Test
    @DisplayName("an ordinary weekend is not covered")
    void ordinaryWeekendIsNotCovered() {
        assertThat(holidayWeekends.spanAt(utc("2026-03-07T12:00"))).isEmpty();
    }

    @Test
    @DisplayName("days are local: German Unity Day runs from 22:00 UTC the evening before")
    void daysAreLocal() {
        Schedule german = new HolidaySchedule(BERLIN, FixedHolidays.of("2026-10-03"), false);

        assertThat(german.spanAt(at("2026-10-03T12:00", BERLIN))).contains(span("2026-10-02T22:00:00Z", "2026-10-03T22:00:00Z"));
    }

    @Test
    @DisplayName("the next holiday may be months away")
    void nextHolidayMonthsAway() {
        assertThat(holidaysOnly.nextSpanFrom(utc("2026-07-04T00:00"))).contains(span("2026-11-26T00:00:00Z", "2026-11-27T00:00:00Z"));
    }
}
