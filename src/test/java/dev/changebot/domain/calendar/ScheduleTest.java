package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The constant schedules")
class ScheduleTest {

    private final Instant now = utc("2026-03-06T16:30");

    @Test
    @DisplayName("the horizon is three years, one of them a leap year")
    void horizonIsThreeYears() {
        assertThat(Schedule.HORIZON).isEqualTo(Duration.ofDays(1096));
    }

    @Test
    @DisplayName("always covers every instant, its block cut at the horizon on both sides")
    void alwaysIsCutAtTheHorizon() {
        assertThat(Schedule.always().spanAt(now))
                .contains(new TimeSpan(now.minus(Schedule.HORIZON), now.plus(Schedule.HORIZON)));
        assertThat(Schedule.always().nextSpanFrom(now)).isEqualTo(Schedule.always().spanAt(now));
    }

    @Test
    @DisplayName("never covers nothing and has no next span")
    void neverCoversNothing() {
        assertThat(Schedule.never().spanAt(now)).isEmpty();
        assertThat(Schedule.never().nextSpanFrom(now)).isEmpty();
    }
}
