package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A time span [start, end)")
class TimeSpanTest {

    private final TimeSpan morning = span("2026-03-03T08:00:00Z", "2026-03-03T12:00:00Z");

    @Test
    @DisplayName("contains its start but not its end")
    void containsItsStartButNotItsEnd() {
        assertThat(morning.contains(Instant.parse("2026-03-03T08:00:00Z"))).isTrue();
        assertThat(morning.contains(Instant.parse("2026-03-03T11:59:59.999Z"))).isTrue();
        assertThat(morning.contains(Instant.parse("2026-03-03T12:00:00Z"))).isFalse();
        assertThat(morning.contains(Instant.parse("2026-03-03T07:59:59Z"))).isFalse();
    }

    @Test
    @DisplayName("overlaps a span sharing some time, not one that only touches it")
    void overlapsOnlyWhenSharingTime() {
        assertThat(morning.overlaps(span("2026-03-03T11:00:00Z", "2026-03-03T13:00:00Z"))).isTrue();
        assertThat(morning.overlaps(span("2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z"))).isTrue();
        assertThat(morning.overlaps(span("2026-03-03T12:00:00Z", "2026-03-03T13:00:00Z"))).isFalse();
        assertThat(morning.overlaps(span("2026-03-03T06:00:00Z", "2026-03-03T08:00:00Z"))).isFalse();
    }

    @Test
    @DisplayName("touches a span that follows it directly")
    void touchesABackToBackSpan() {
        assertThat(morning.touches(span("2026-03-03T12:00:00Z", "2026-03-03T13:00:00Z"))).isTrue();
        assertThat(morning.touches(span("2026-03-03T12:00:01Z", "2026-03-03T13:00:00Z"))).isFalse();
    }

    @Test
    @DisplayName("knows its length")
    void knowsItsLength() {
        assertThat(morning.length()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    @DisplayName("must end after it starts")
    void mustEndAfterItStarts() {
        assertThatThrownBy(() -> span("2026-03-03T08:00:00Z", "2026-03-03T08:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> span("2026-03-03T08:00:00Z", "2026-03-03T07:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
