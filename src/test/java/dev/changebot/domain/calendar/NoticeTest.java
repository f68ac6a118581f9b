package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.UTC;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A notice period")
class NoticeTest {

    private final BusinessCalendar calendar = new BusinessCalendar(UTC, FixedHolidays.of("2026-12-25", "2027-01-01"));
    private final Instant wednesdayBeforeChristmas = utc("2026-12-23T09:30");

    @Test
    @DisplayName("none lets a change start as soon as it is requested")
    void none() {
        assertThat(new Notice.None().earliestStart(wednesdayBeforeChristmas, calendar)).isEqualTo(wednesdayBeforeChristmas);
        assertThat(new Notice.None().describe()).isEqualTo("no notice");
    }

    @Test
    @DisplayName("24 hours are elapsed time, holidays or not")
    void elapsedHours() {
        Notice day = new Notice.Elapsed(Duration.ofHours(24));

        assertThat(day.earliestStart(wednesdayBeforeChristmas, calendar)).isEqualTo(utc("2026-12-24T09:30"));
        assertThat(day.describe()).isEqualTo("24 h");
    }

    @Test
    @DisplayName("7 days are a week of elapsed time")
    void elapsedDays() {
        Notice week = new Notice.Elapsed(Duration.ofDays(7));

        assertThat(week.earliestStart(wednesdayBeforeChristmas, calendar)).isEqualTo(utc("2026-12-30T09:30"));
        assertThat(week.describe()).isEqualTo("7 days");
    }

    @Test
    @DisplayName("5 business days skip weekends and holidays")
    void businessDays() {
        Notice fiveDays = new Notice.BusinessDays(5);

        assertThat(fiveDays.earliestStart(wednesdayBeforeChristmas, calendar)).isEqualTo(utc("2026-12-31T09:30"));
        assertThat(fiveDays.describe()).isEqualTo("5 business days");
        assertThat(new Notice.BusinessDays(1).describe()).isEqualTo("1 business day");
    }

    @Test
    @DisplayName("refuses empty or negative periods: that is no notice")
    void refusesEmptyPeriods() {
        assertThatThrownBy(() -> new Notice.Elapsed(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice.Elapsed(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice.BusinessDays(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("several notices (chat-backend's RFC and maintenance announcement): the latest decides, each unmet one is named")
    void severalNotices() {
        Notice both = new Notice.All(java.util.List.of(
                new Notice.All.Labelled("RFC published", new Notice.BusinessDays(5)),
                new Notice.All.Labelled("maintenance announced", new Notice.Elapsed(Duration.ofDays(14)))));

        assertThat(both.earliestStart(wednesdayBeforeChristmas, calendar)).isEqualTo(utc("2027-01-06T09:30"));
        assertThat(both.describe()).isEqualTo("5 business days (RFC published) and 14 days (maintenance announced)");
        assertThat(both.unmetBy(wednesdayBeforeChristmas, utc("2027-01-04T09:30"), calendar))
                .containsExactly("14 days (maintenance announced)");
        assertThat(both.unmetBy(wednesdayBeforeChristmas, utc("2026-12-28T09:30"), calendar)).hasSize(2);
        assertThat(both.unmetBy(wednesdayBeforeChristmas, utc("2027-01-06T09:30"), calendar)).isEmpty();
    }
}
