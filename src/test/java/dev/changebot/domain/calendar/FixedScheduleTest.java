package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A fixed schedule of one-off periods")
class FixedScheduleTest {

    private final TimeSpan christmasFreeze = span("2026-12-24T00:00:00Z", "2026-12-27T00:00:00Z");
    private final Schedule declared = FixedSchedule.of(christmasFreeze);

    @Test
    @DisplayName("covers its periods and nothing else")
    void coversItsPeriods() {
        assertThat(declared.spanAt(utc("2026-12-25T10:00"))).contains(christmasFreeze);
        assertThat(declared.spanAt(utc("2026-12-27T00:00"))).isEmpty();
    }

    @Test
    @DisplayName("has a next span until its last period is over")
    void nextSpanUntilOver() {
        assertThat(declared.nextSpanFrom(utc("2026-03-01T00:00"))).contains(christmasFreeze);
        assertThat(declared.nextSpanFrom(utc("2026-12-27T00:00"))).isEmpty();
    }

    @Test
    @DisplayName("overlapping declarations read as one period")
    void overlappingDeclarationsMerge() {
        Schedule twoDeclarations = FixedSchedule.of(christmasFreeze, span("2026-12-26T00:00:00Z", "2026-12-29T00:00:00Z"));

        assertThat(twoDeclarations.spanAt(utc("2026-12-24T10:00")))
                .contains(span("2026-12-24T00:00:00Z", "2026-12-29T00:00:00Z"));
    }
}
