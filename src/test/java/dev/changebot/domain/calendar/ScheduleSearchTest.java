package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Finding blocks in a schedule")
class ScheduleSearchTest {

    @Test
    @DisplayName("merging sorts spans and fuses those that overlap or touch, keeping gaps")
    void mergeFusesOverlappingAndTouchingSpans() {
        List<TimeSpan> merged = ScheduleSearch.merge(List.of(
                span("2026-03-03T14:00:00Z", "2026-03-03T15:00:00Z"),
                span("2026-03-03T08:00:00Z", "2026-03-03T10:00:00Z"),
                span("2026-03-03T09:00:00Z", "2026-03-03T11:00:00Z"),
                span("2026-03-03T11:00:00Z", "2026-03-03T12:00:00Z"),
                span("2026-03-03T08:30:00Z", "2026-03-03T09:00:00Z")));

        assertThat(merged).containsExactly(
                span("2026-03-03T08:00:00Z", "2026-03-03T12:00:00Z"),
                span("2026-03-03T14:00:00Z", "2026-03-03T15:00:00Z"));
    }

    @Test
    @DisplayName("a block far longer than the first look-around is found whole")
    void longBlockIsFoundWhole() {
        List<TimeSpan> days = new ArrayList<>();
        Instant first = utc("2026-01-01T00:00");
        for (int day = 0; day < 60; day++) {
            days.add(new TimeSpan(first.plus(Duration.ofDays(day)), first.plus(Duration.ofDays(day + 1))));
        }
        Schedule sixtyDays = new FixedSchedule(days);

        assertThat(sixtyDays.spanAt(utc("2026-01-31T12:00")))
                .contains(new TimeSpan(first, first.plus(Duration.ofDays(60))));
    }

    @Test
    @DisplayName("the next span may be years ahead, but not beyond the horizon")
    void nextSpanWithinTheHorizonOnly() {
        TimeSpan inTwoYears = span("2028-03-01T00:00:00Z", "2028-03-02T00:00:00Z");
        TimeSpan inFourYears = span("2030-03-01T00:00:00Z", "2030-03-02T00:00:00Z");

        assertThat(FixedSchedule.of(inTwoYears, inFourYears).nextSpanFrom(utc("2026-03-01T00:00"))).contains(inTwoYears);
        assertThat(FixedSchedule.of(inFourYears).nextSpanFrom(utc("2026-03-01T00:00"))).isEmpty();
    }

    @Test
    @DisplayName("the next span is the whole block it starts, not just its first occurrence")
    void nextSpanIsTheWholeBlock() {
        Schedule backToBack = FixedSchedule.of(
                span("2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z"),
                span("2026-03-11T00:00:00Z", "2026-03-12T00:00:00Z"));

        assertThat(backToBack.nextSpanFrom(utc("2026-03-01T00:00")))
                .contains(span("2026-03-10T00:00:00Z", "2026-03-12T00:00:00Z"));
    }
}
