package dev.changebot.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A named schedule")
class NamedScheduleTest {

    @Test
    @DisplayName("carries the rule's id and the words a sentence uses")
    void carriesNameAndLabel() {
        NamedSchedule weekend = new NamedSchedule("weekend", "the weekend freeze", Schedule.never());

        assertThat(weekend.name()).isEqualTo("weekend");
        assertThat(weekend.label()).isEqualTo("the weekend freeze");
    }

    @Test
    @DisplayName("needs a name and a label")
    void needsNameAndLabel() {
        assertThatThrownBy(() -> new NamedSchedule(" ", "the weekend freeze", Schedule.never()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NamedSchedule("weekend", "", Schedule.never()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weekend");
    }
}
