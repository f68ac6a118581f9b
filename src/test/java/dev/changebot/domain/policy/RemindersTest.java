package dev.changebot.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RemindersTest {

    @Test
    @DisplayName("the earliest nudge a step can owe: the reminder, unless an escalation comes sooner; an escalation of zero is none")
    void earliestNudge() {
        assertThat(reminders(8, 24).earliestNudge()).isEqualTo(Duration.ofHours(8));
        assertThat(reminders(8, 2).earliestNudge()).isEqualTo(Duration.ofHours(2));
        assertThat(reminders(8, 0).earliestNudge()).isEqualTo(Duration.ofHours(8));
        assertThat(Reminders.defaults().earliestNudge()).isEqualTo(Duration.ofHours(4));
    }

    private static Reminders reminders(int remindHours, int escalateHours) {
        return new Reminders(Duration.ofHours(remindHours), Duration.ofHours(escalateHours), Optional.empty(),
                Optional.empty(), Duration.ofHours(4));
    }
}
