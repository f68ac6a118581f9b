package dev.changebot.policyfile.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.domain.calendar.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Public holidays from jollyday")
class PublicHolidaysTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    @DisplayName("in the US")
    class UnitedStates {

        private final PublicHolidays us = new PublicHolidays("US");

        @Test
        @DisplayName("Independence Day 2026 is Saturday July 4, observed on Friday July 3: both are holidays")
        void independenceDay() {
            assertThat(us.isHoliday(date("2026-07-03"))).isTrue();
            assertThat(us.name(date("2026-07-03"))).isEqualTo("Independence Day (observed)");
            assertThat(us.isHoliday(date("2026-07-04"))).isTrue();
            assertThat(us.name(date("2026-07-04"))).isEqualTo("Independence Day");
        }

        @Test
        @DisplayName("Thanksgiving 2026 is November 26")
        void thanksgiving() {
            assertThat(us.isHoliday(date("2026-11-26"))).isTrue();
            assertThat(us.name(date("2026-11-26"))).isEqualTo("Thanksgiving Day");
        }

        @Test
        @DisplayName("New Year 2028, a Saturday, is observed on Friday 2027-12-31, in the year before")
        void observedInThePreviousYear() {
            assertThat(us.isHoliday(date("2027-12-31"))).isTrue();
        }

        @Test
        @DisplayName("an ordinary Wednesday is not a holiday, and has only a generic name")
        void ordinaryDay() {
            assertThat(us.isHoliday(date("2026-07-08"))).isFalse();
            assertThat(us.name(date("2026-07-08"))).isEqualTo("public holiday");
        }

        @Test
        @DisplayName("a business calendar skips the long weekend: 1 business day from Thursday July 2 is Monday July 6")
        void drivesABusinessCalendar() {
            ZoneId newYork = ZoneId.of("America/New_York");
            BusinessCalendar calendar = new BusinessCalendar(newYork, us);
            Instant thursday = ZonedDateTime.of(2026, 7, 2, 10, 0, 0, 0, newYork).toInstant();

            assertThat(calendar.plusBusinessDays(thursday, 1)).isEqualTo(ZonedDateTime.of(2026, 7, 6, 10, 0, 0, 0, newYork).toInstant());
        }
    }

    @Test
    @DisplayName("Germany has German Unity Day on October 3")
    void germanUnityDay() {
        assertThat(new PublicHolidays("DE").isHoliday(date("2026-10-03"))).isTrue();
    }

    @Test
    @DisplayName("Bavaria adds Epiphany, which Germany as a whole does not have")
    void subdivisionAddsItsOwnHolidays() {
        assertThat(new PublicHolidays("DE", "by").isHoliday(date("2026-01-06"))).isTrue();
        assertThat(new PublicHolidays("DE").isHoliday(date("2026-01-06"))).isFalse();
    }

    @Test
    @DisplayName("Great Britain moves Boxing Day 2026, a Saturday, to Monday December 28")
    void boxingDay() {
        assertThat(new PublicHolidays("GB").name(date("2026-12-28"))).isEqualTo("Boxing Day (observed)");
    }

    @Test
    @DisplayName("country codes are read in any case")
    void anyCase() {
        assertThat(new PublicHolidays("us").isHoliday(date("2026-11-26"))).isTrue();
    }

    @Test
    @DisplayName("an unknown country is refused by name")
    void unknownCountryIsRefused() {
        assertThatThrownBy(() -> new PublicHolidays("XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'XX'");
    }

    @Test
    @DisplayName("an unknown subdivision is refused rather than quietly read as the whole country")
    void unknownSubdivisionIsRefused() {
        assertThatThrownBy(() -> new PublicHolidays("DE", "xx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xx'")
                .hasMessageContaining("by");
    }
}
