package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.BERLIN;
import static dev.changebot.domain.calendar.CalendarFixtures.UTC;
import static dev.changebot.domain.calendar.CalendarFixtures.at;
import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.MonthDay;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A yearly schedule of whole local days")
class YearlyScheduleTest {

    private final Schedule yearEnd = new YearlySchedule(BERLIN, MonthDay.of(12, 24), MonthDay.of(1, 1));
    private final TimeSpan yearEnd2026 = span("2026-12-23T23:00:00Z", "2027-01-01T23:00:00Z");

    @Test
    @DisplayName("Dec 24 → Jan 1 wraps over the year end as one span, midnight to midnight in Berlin")
    void wrapsOverTheYearEnd() {
        assertThat(yearEnd.spanAt(at("2026-12-31T12:00", BERLIN))).contains(yearEnd2026);
        assertThat(yearEnd.spanAt(at("2027-01-01T23:59", BERLIN))).contains(yearEnd2026);
    }

    @Test
    @DisplayName("is over on Jan 2 and back on Dec 24")
    void isOverOnJanuarySecond() {
        assertThat(yearEnd.spanAt(at("2027-01-02T00:00", BERLIN))).isEmpty();
        assertThat(yearEnd.spanAt(at("2026-12-23T23:59", BERLIN))).isEmpty();
        assertThat(yearEnd.nextSpanFrom(at("2027-01-02T00:00", BERLIN)))
                .contains(span("2027-12-23T23:00:00Z", "2028-01-01T23:00:00Z"));
    }

    @Test
    @DisplayName("the last week of December is Dec 25 to Dec 31, found from the middle of the year")
    void lastWeekOfDecember() {
        Schedule lastWeek = new YearlySchedule(UTC, MonthDay.of(12, 25), MonthDay.of(12, 31));

        assertThat(lastWeek.nextSpanFrom(utc("2026-06-01T00:00")))
                .contains(span("2026-12-25T00:00:00Z", "2027-01-01T00:00:00Z"));
    }

    @Test
    @DisplayName("a single day is from its midnight to the next")
    void singleDay() {
        Schedule blackFriday = new YearlySchedule(UTC, MonthDay.of(11, 27), MonthDay.of(11, 27));

        assertThat(blackFriday.spanAt(utc("2026-11-27T13:00")))
                .contains(span("2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z"));
    }

    @Test
    @DisplayName("February 29 falls back to February 28 in a common year")
    void leapDayInACommonYear() {
        Schedule leapDay = new YearlySchedule(UTC, MonthDay.of(2, 29), MonthDay.of(2, 29));

        assertThat(leapDay.spanAt(utc("2027-02-28T12:00"))).contains(span("2027-02-28T00:00:00Z", "2027-03-01T00:00:00Z"));
        assertThat(leapDay.spanAt(utc("2028-02-29T12:00"))).contains(span("2028-02-29T00:00:00Z", "2028-03-01T00:00:00Z"));
    }
}
