package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.BERLIN;
import static dev.changebot.domain.calendar.CalendarFixtures.LOS_ANGELES;
import static dev.changebot.domain.calendar.CalendarFixtures.UTC;
import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Calendar facts in words")
class CalendarTextTest {

    @Test
    @DisplayName("a moment is its weekday, time and zone, UTC spelled out however it is given")
    void moment() {
        assertThat(CalendarText.moment(utc("2026-03-09T08:00"), UTC)).isEqualTo("Mon 08:00 UTC");
        assertThat(CalendarText.moment(utc("2026-03-09T08:00"), ZoneOffset.UTC)).isEqualTo("Mon 08:00 UTC");
        assertThat(CalendarText.moment(utc("2026-03-09T08:00"), BERLIN)).isEqualTo("Mon 09:00 CET");
    }

    @Test
    @DisplayName("a moment with its date adds the ISO date")
    void momentWithDate() {
        assertThat(CalendarText.momentWithDate(utc("2026-03-09T10:00"), UTC)).isEqualTo("Mon 10:00 UTC (2026-03-09 10:00 UTC)");
    }

    @Test
    @DisplayName("seen from now, the weekday is enough within the week; from the same weekday on, the date is added")
    void momentFromNow() {
        assertThat(CalendarText.momentFrom(utc("2026-03-06T16:30"), utc("2026-03-09T08:00"), UTC)).isEqualTo("Mon 08:00 UTC");
        assertThat(CalendarText.momentFrom(utc("2026-12-26T12:00"), utc("2027-01-02T00:00"), UTC))
                .isEqualTo("Sat 00:00 UTC (2027-01-02 00:00 UTC)");
    }

    @Test
    @DisplayName("a span within a day reads Tue 10:00–18:00 UTC")
    void spanWithinADay() {
        assertThat(CalendarText.span(span("2026-03-03T10:00:00Z", "2026-03-03T18:00:00Z"), UTC)).isEqualTo("Tue 10:00–18:00 UTC");
    }

    @Test
    @DisplayName("a span over days reads Fri 16:00 → Mon 08:00 UTC")
    void spanOverDays() {
        assertThat(CalendarText.span(span("2026-03-06T16:00:00Z", "2026-03-09T08:00:00Z"), UTC)).isEqualTo("Fri 16:00 → Mon 08:00 UTC");
    }

    @Test
    @DisplayName("a span across a DST change names the zone at each end")
    void spanAcrossDst() {
        assertThat(CalendarText.span(span("2026-10-30T22:00:00Z", "2026-11-02T17:00:00Z"), LOS_ANGELES))
                .isEqualTo("Fri 15:00 PDT → Mon 09:00 PST");
    }

    @Test
    @DisplayName("a span of a week or more carries dates")
    void longSpanCarriesDates() {
        assertThat(CalendarText.span(span("2026-12-23T23:00:00Z", "2027-01-01T23:00:00Z"), BERLIN))
                .isEqualTo("Thu 2026-12-24 00:00 → Sat 2027-01-02 00:00 CET");
    }

    @Test
    @DisplayName("durations read 24 h, 36 h, 2 days, 7 days, 1 h 30 min, 45 min")
    void durations() {
        assertThat(CalendarText.duration(Duration.ofHours(24))).isEqualTo("24 h");
        assertThat(CalendarText.duration(Duration.ofHours(36))).isEqualTo("36 h");
        assertThat(CalendarText.duration(Duration.ofHours(48))).isEqualTo("2 days");
        assertThat(CalendarText.duration(Duration.ofDays(7))).isEqualTo("7 days");
        assertThat(CalendarText.duration(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(CalendarText.duration(Duration.ofMinutes(45))).isEqualTo("45 min");
    }

    @Test
    @DisplayName("a class of change takes a or an")
    void article() {
        assertThat(CalendarText.withArticle("medium-risk change")).isEqualTo("a medium-risk change");
        assertThat(CalendarText.withArticle("emergency change")).isEqualTo("an emergency change");
    }
}
