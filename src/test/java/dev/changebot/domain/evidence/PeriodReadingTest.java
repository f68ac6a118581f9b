package dev.changebot.domain.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reading the period of an evidence pack")
class PeriodReadingTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.parse("2026-11-15");

    @ParameterizedTest(name = "{0} is {1}..{2}")
    @CsvSource({
        "2026-Q3, 2026-07-01, 2026-09-30",
        "2026-q1, 2026-01-01, 2026-03-31",
        "2026-11, 2026-11-01, 2026-11-30",
        "2024-02, 2024-02-01, 2024-02-29",
        "2026-07-01..2026-09-30, 2026-07-01, 2026-09-30",
        "2026-07-01 .. 2026-07-01, 2026-07-01, 2026-07-01",
        "7d, 2026-11-09, 2026-11-15",
        "2026-Q4, 2026-10-01, 2026-12-31"})
    void reads(String text, LocalDate first, LocalDate last) {
        var read = PeriodReading.read(text, BERLIN, TODAY);

        assertThat(read).isInstanceOfSatisfying(PeriodReading.Read.class, r -> {
            assertThat(r.period().first()).isEqualTo(first);
            assertThat(r.period().last()).isEqualTo(last);
        });
    }

    @Test
    @DisplayName("days are the policy's: a Berlin quarter starts at 22:00 UTC the evening before, and ends before its next day")
    void inThePolicysTimeZone() {
        var period = ((PeriodReading.Read) PeriodReading.read("2026-Q3", BERLIN, TODAY)).period();

        assertThat(period.from()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(period.until()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(period.describe()).isEqualTo("2026-07-01..2026-09-30 (Europe/Berlin)");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "last quarter|is not a period I can read",
        "2026-13|is not a date in the calendar",
        "2026-02-30..2026-03-01|is not a date in the calendar",
        "2026-09-30..2026-07-01|ends before it starts",
        "2026-11-16..2026-11-20|starts after today (2026-11-15 in Europe/Berlin)",
        "2027-Q1|starts after today",
        "2025-01-01..2026-03-01|is 425 days; one pack covers at most 366 days",
        "0d|is not a period I can read",
        "''|Which period?"})
    void refuses(String text, String reason) {
        assertThat(PeriodReading.read(text, BERLIN, TODAY)).isInstanceOfSatisfying(PeriodReading.Refused.class,
                r -> assertThat(r.reason()).contains(reason).contains("`"));
    }

    @Test
    @DisplayName("the command line's --from and --to are days")
    void between() {
        assertThat(PeriodReading.between("2026-07-01", "2026-07-31", BERLIN, TODAY)).isInstanceOf(PeriodReading.Read.class);
        assertThat(PeriodReading.between("July", "2026-07-31", BERLIN, TODAY)).isInstanceOfSatisfying(
                PeriodReading.Refused.class, r -> assertThat(r.reason()).contains("--from and --to are days"));
    }
}
