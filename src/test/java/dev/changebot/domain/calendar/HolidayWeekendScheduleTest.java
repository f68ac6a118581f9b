package dev.changebot.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POL-008 5.2's "holiday weekends": a weekend joined to a public holiday by at most one working day. */
@DisplayName("Holiday weekends")
class HolidayWeekendScheduleTest {

    // 2026: Veterans Day Wed 11 Nov, Thanksgiving Thu 26 Nov, a Tuesday holiday 29 Dec, New Year Fri 1 Jan 2027,
    // and a Saturday holiday 4 Jul.
    private final HolidayCalendar holidays = FixedHolidays.of("2026-11-11", "2026-11-26", "2026-12-29", "2027-01-01",
            "2026-07-04");
    private final HolidayWeekendSchedule oneBridgeDay = new HolidayWeekendSchedule(ZoneId.of("America/Los_Angeles"),
            holidays, 1);

    @Test
    @DisplayName("Thanksgiving: Thursday to Sunday, the Friday being the one working day between")
    void thanksgiving() {
        assertThat(covered("2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"))
                .containsExactly(false, true, true, true, true, false);
    }

    @Test
    @DisplayName("a Wednesday holiday is two working days from either weekend: no holiday weekend")
    void midweek() {
        assertThat(covered("2026-11-07", "2026-11-08", "2026-11-11", "2026-11-14", "2026-11-15"))
                .containsExactly(false, false, false, false, false);
    }

    @Test
    @DisplayName("a Tuesday holiday joins the weekend before it; a Friday one the weekend after; a Saturday one its own")
    void tuesdayFridayAndSaturday() {
        assertThat(covered("2026-12-26", "2026-12-27", "2026-12-28", "2026-12-29", "2026-12-30"))
                .containsExactly(true, true, true, true, false);
        assertThat(covered("2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04")).containsExactly(true, true, true, false);
        assertThat(covered("2026-07-03", "2026-07-04", "2026-07-05", "2026-07-06")).containsExactly(false, true, true, false);
    }

    @Test
    @DisplayName("with no bridge day, only holidays on a Friday or Monday make a holiday weekend")
    void noBridge() {
        var strict = new HolidayWeekendSchedule(ZoneId.of("UTC"), holidays, 0);
        assertThat(strict.covers(LocalDate.parse("2026-11-28"))).isFalse();
        assertThat(strict.covers(LocalDate.parse("2027-01-02"))).isTrue();
        assertThatThrownBy(() -> new HolidayWeekendSchedule(ZoneId.of("UTC"), holidays, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.List<Boolean> covered(String... days) {
        return java.util.Arrays.stream(days).map(d -> oneBridgeDay.covers(LocalDate.parse(d))).toList();
    }
}
