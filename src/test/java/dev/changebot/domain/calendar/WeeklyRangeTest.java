package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.time;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A weekly range")
class WeeklyRangeTest {

    @Test
    @DisplayName("daily ranges give one range per day, Monday first")
    void dailyGivesOneRangePerDay() {
        assertThat(WeeklyRange.daily(Set.of(WEDNESDAY, MONDAY, TUESDAY), time("10:00"), time("18:00"))).containsExactly(
                new WeeklyRange(MONDAY, time("10:00"), MONDAY, time("18:00")),
                new WeeklyRange(TUESDAY, time("10:00"), TUESDAY, time("18:00")),
                new WeeklyRange(WEDNESDAY, time("10:00"), WEDNESDAY, time("18:00")));
    }

    @Test
    @DisplayName("a daily range ending at or before its start ends the next day, Sunday's on Monday")
    void overnightRangesEndTheNextDay() {
        assertThat(WeeklyRange.daily(Set.of(SUNDAY), time("22:00"), time("02:00")))
                .containsExactly(new WeeklyRange(SUNDAY, time("22:00"), MONDAY, time("02:00")));
        assertThat(WeeklyRange.daily(Set.of(FRIDAY), time("18:00"), LocalTime.MIDNIGHT))
                .containsExactly(new WeeklyRange(FRIDAY, time("18:00"), SATURDAY, LocalTime.MIDNIGHT));
    }

    @Test
    @DisplayName("counts the days it spans, wrapping over the week end")
    void countsTheDaysItSpans() {
        assertThat(new WeeklyRange(MONDAY, time("10:00"), MONDAY, time("16:00")).daysSpanned()).isZero();
        assertThat(new WeeklyRange(FRIDAY, time("16:00"), MONDAY, time("08:00")).daysSpanned()).isEqualTo(3);
        assertThat(new WeeklyRange(MONDAY, time("16:00"), MONDAY, time("10:00")).daysSpanned()).isEqualTo(7);
    }

    @Test
    @DisplayName("is refused when it ends where it starts: nothing or the whole week?")
    void refusesARangeEndingWhereItStarts() {
        assertThatThrownBy(() -> new WeeklyRange(MONDAY, time("10:00"), MONDAY, time("10:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MONDAY 10:00");
    }
}
