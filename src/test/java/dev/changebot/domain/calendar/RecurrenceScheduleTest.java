package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.BERLIN;
import static dev.changebot.domain.calendar.CalendarFixtures.UTC;
import static dev.changebot.domain.calendar.CalendarFixtures.at;
import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static dev.changebot.domain.calendar.CalendarFixtures.time;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A recurrence schedule")
class RecurrenceScheduleTest {

    /** The maintenance window: first Tuesday of the month, 02:00 Berlin time, for 4 hours. */
    private final Schedule maintenance = new RecurrenceSchedule(BERLIN, new FirstTuesdayOfEachMonth(), time("02:00"), Duration.ofHours(4));

    @Test
    @DisplayName("covers the first Tuesday of the month from 02:00 for 4 h, local time")
    void coversTheFirstTuesday() {
        assertThat(maintenance.spanAt(at("2026-03-03T03:00", BERLIN)))
                .contains(span("2026-03-03T01:00:00Z", "2026-03-03T05:00:00Z"));
        assertThat(maintenance.spanAt(at("2026-03-10T03:00", BERLIN))).isEmpty();
    }

    @Test
    @DisplayName("after March's, the next one is April 7, in summer time")
    void nextOneIsInApril() {
        assertThat(maintenance.nextSpanFrom(at("2026-03-04T00:00", BERLIN)))
                .contains(span("2026-04-07T00:00:00Z", "2026-04-07T04:00:00Z"));
    }

    @Test
    @DisplayName("a span running past midnight is still found the next morning")
    void spanPastMidnight() {
        Schedule overnight = new RecurrenceSchedule(UTC, new FirstTuesdayOfEachMonth(), time("22:00"), Duration.ofHours(6));

        assertThat(overnight.spanAt(utc("2026-03-04T01:00")))
                .contains(span("2026-03-03T22:00:00Z", "2026-03-04T04:00:00Z"));
    }

    @Test
    @DisplayName("the length is elapsed time: 4 h from 01:00 on the spring-forward night end at 06:00 local")
    void lengthIsElapsedTime() {
        Recurrence sundays = (from, to) -> from.datesUntil(to.plusDays(1))
                .filter(date -> date.getDayOfWeek() == DayOfWeek.SUNDAY)
                .toList();
        Schedule sundayNight = new RecurrenceSchedule(BERLIN, sundays, time("01:00"), Duration.ofHours(4));

        TimeSpan onTheNight = sundayNight.spanAt(at("2026-03-29T01:30", BERLIN)).orElseThrow();

        assertThat(onTheNight).isEqualTo(span("2026-03-29T00:00:00Z", "2026-03-29T04:00:00Z"));
        assertThat(onTheNight.end()).isEqualTo(at("2026-03-29T06:00", BERLIN));
    }

    @Test
    @DisplayName("needs a positive length")
    void needsAPositiveLength() {
        assertThatThrownBy(() -> new RecurrenceSchedule(UTC, new FirstTuesdayOfEachMonth(), time("02:00"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
