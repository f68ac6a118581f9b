package dev.changebot.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A whole local day")
class LocalDaysTest {

    @Test
    @DisplayName("lasts 23 hours on the spring-forward day")
    void springForwardDay() {
        assertThat(LocalDays.day(LocalDate.parse("2026-03-29"), ZoneId.of("Europe/Berlin")).length()).isEqualTo(Duration.ofHours(23));
    }

    @Test
    @DisplayName("starts at 01:00 where clocks spring forward at midnight (Chile, 2026-09-06)")
    void startsAtOneWhereMidnightIsSkipped() {
        ZoneId santiago = ZoneId.of("America/Santiago");

        TimeSpan day = LocalDays.day(LocalDate.parse("2026-09-06"), santiago);

        assertThat(day.start().atZone(santiago).toLocalTime()).hasToString("01:00");
        assertThat(day.length()).isEqualTo(Duration.ofHours(23));
    }
}
