package dev.changebot.domain.schedule;

import static dev.changebot.domain.schedule.SchedulePolicies.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What `/change calendar` accepts as a period, and what it answers with help. */
class CalendarPeriodTest {

    @ParameterizedTest
    @CsvSource({"'', 7", "7d, 7", "30D, 30", "1d, 1", "31d, 31"})
    void nextDays(String typed, int days) {
        var read = CalendarPeriod.read(typed, NOW, ZoneOffset.UTC);

        assertThat(read).isInstanceOfSatisfying(CalendarPeriod.Read.class, r -> {
            assertThat(r.period().span().start()).isEqualTo(NOW);
            assertThat(r.period().span().length()).isEqualTo(Duration.ofDays(days));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0d", "32d", "2026-13", "2026-00", "2026-11", "2020-01", "2028-01", "next week", "7", "-7d"})
    void refused(String typed) {
        assertThat(CalendarPeriod.read(typed, NOW, ZoneOffset.UTC)).isInstanceOfSatisfying(CalendarPeriod.Refused.class,
                r -> assertThat(r.reason()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7d", "30d", "2026-12"})
    void looksLikeAPeriod(String word) {
        assertThat(CalendarPeriod.looksLikeOne(word)).isTrue();
        assertThat(CalendarPeriod.looksLikeOne("api")).isFalse();
    }
}
