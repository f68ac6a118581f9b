package dev.changebot.policyfile.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.domain.calendar.RecurrenceSchedule;
import dev.changebot.domain.calendar.Schedule;
import dev.changebot.domain.calendar.TimeSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An RFC 5545 recurrence rule")
class RruleRecurrenceTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    @DisplayName("FREQ=MONTHLY;BYDAY=1TU picks the first Tuesday of each month of 2026")
    void firstTuesdayOfEachMonth() {
        assertThat(new RruleRecurrence("FREQ=MONTHLY;BYDAY=1TU").datesBetween(date("2026-01-01"), date("2026-12-31")))
                .extracting(LocalDate::toString)
                .containsExactly("2026-01-06", "2026-02-03", "2026-03-03", "2026-04-07", "2026-05-05", "2026-06-02",
                        "2026-07-07", "2026-08-04", "2026-09-01", "2026-10-06", "2026-11-03", "2026-12-01");
    }

    @Test
    @DisplayName("includes dates on both bounds")
    void boundsAreInclusive() {
        assertThat(new RruleRecurrence("FREQ=MONTHLY;BYDAY=1TU").datesBetween(date("2026-02-03"), date("2026-03-03")))
                .containsExactly(date("2026-02-03"), date("2026-03-03"));
    }

    @Test
    @DisplayName("every other week keeps its rhythm from the first date, whatever dates are asked about")
    void intervalCountsFromTheFirstDate() {
        RruleRecurrence fortnightly = new RruleRecurrence("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", date("2026-01-06"));

        assertThat(fortnightly.datesBetween(date("2026-03-01"), date("2026-03-31")))
                .containsExactly(date("2026-03-03"), date("2026-03-17"), date("2026-03-31"));
        assertThat(fortnightly.datesBetween(date("2026-03-10"), date("2026-03-31")))
                .containsExactly(date("2026-03-17"), date("2026-03-31"));
    }

    @Test
    @DisplayName("COUNT counts from the first date, even when asked about later dates")
    void countCountsFromTheFirstDate() {
        RruleRecurrence threeTimes = new RruleRecurrence("FREQ=MONTHLY;BYDAY=1TU;COUNT=3", date("2026-01-01"));

        assertThat(threeTimes.datesBetween(date("2026-01-01"), date("2026-12-31")))
                .containsExactly(date("2026-01-06"), date("2026-02-03"), date("2026-03-03"));
        assertThat(threeTimes.datesBetween(date("2026-03-01"), date("2026-12-31"))).containsExactly(date("2026-03-03"));
    }

    @Test
    @DisplayName("UNTIL ends the rule")
    void untilEndsTheRule() {
        assertThat(new RruleRecurrence("FREQ=MONTHLY;BYDAY=1TU;UNTIL=20260401").datesBetween(date("2026-01-01"), date("2026-12-31")))
                .containsExactly(date("2026-01-06"), date("2026-02-03"), date("2026-03-03"));
    }

    @Test
    @DisplayName("an invalid rule is refused with the library's reason")
    void invalidRuleIsRefused() {
        assertThatThrownBy(() -> new RruleRecurrence("FREQ=SOMETIMES"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FREQ=SOMETIMES")
                .hasMessageContaining("Unknown FREQ value SOMETIMES");
        assertThatThrownBy(() -> new RruleRecurrence("FREQ=MONTHLY;BYDAY=XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
    }

    @Test
    @DisplayName("an unknown part is a typo, not something to ignore")
    void unknownPartIsRefused() {
        assertThatThrownBy(() -> new RruleRecurrence("FREQ=MONTHLY;BYDYA=1TU"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BYDYA");
    }

    @Test
    @DisplayName("a rule repeating within a day is refused: a recurrence names dates")
    void subDailyRuleIsRefused() {
        assertThatThrownBy(() -> new RruleRecurrence("FREQ=HOURLY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DAILY or longer");
    }

    @Test
    @DisplayName("drives a recurrence schedule: the next maintenance window after March 4 is April 7, 02:00–06:00 UTC")
    void drivesARecurrenceSchedule() {
        Schedule maintenance = new RecurrenceSchedule(ZoneId.of("UTC"), new RruleRecurrence("FREQ=MONTHLY;BYDAY=1TU"),
                LocalTime.of(2, 0), Duration.ofHours(4));

        assertThat(maintenance.nextSpanFrom(Instant.parse("2026-03-04T00:00:00Z")))
                .contains(new TimeSpan(Instant.parse("2026-04-07T02:00:00Z"), Instant.parse("2026-04-07T06:00:00Z")));
    }
}
