package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.gate.PolicyCalendar;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.DeploymentTarget;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StartRules;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * chat-backend, Change Windows: "Planned Maintenance: First Tuesday of month … Fallback: Second Tuesday if first
 * window fails" (issue 15, item 5): the second Tuesday opens only to a change whose first window passed without it.
 */
class FallbackWindowTest {

    private static final Instant FIRST_TUESDAY = Instant.parse("2026-04-07T03:00:00Z");
    private static final Instant SECOND_TUESDAY = Instant.parse("2026-04-14T03:00:00Z");

    private final Policy policy = ((PolicyLoad.Loaded) PolicyFiles.load("preset:chat-backend")).policy();
    private final dev.changebot.domain.policy.ChangeClass high = policy.changeClass("high").orElseThrow();

    @Test
    @DisplayName("Change Windows fallback: opens once the first Tuesday's window ended without the change starting")
    void opensAfterAMissedFirstWindow() {
        var target = DeploymentTarget.ANYWHERE;

        assertThat(StartRules.fallbackOpen(policy, high, target, FIRST_TUESDAY, Instant.parse("2026-04-07T05:00:00Z")))
                .as("the first window is still open").isFalse();
        assertThat(StartRules.fallbackOpen(policy, high, target, FIRST_TUESDAY, SECOND_TUESDAY)).isTrue();
        assertThat(StartRules.fallbackOpen(policy, high, target, SECOND_TUESDAY, SECOND_TUESDAY))
                .as("planned for the second Tuesday, its first window is May's").isFalse();
    }

    @Test
    @DisplayName("Change Windows fallback: the gate lets a change that missed the first Tuesday go on the second, and only then")
    void theGateAgrees() {
        var calendar = new PolicyCalendar();

        var missed = calendar.mayGo(policy, high, CalendarState.QUIET, null, "production", SECOND_TUESDAY, FIRST_TUESDAY);
        var planned = calendar.mayGo(policy, high, CalendarState.QUIET, null, "production", SECOND_TUESDAY, SECOND_TUESDAY);

        assertThat(missed.allowed()).isTrue();
        assertThat(planned.allowed()).isFalse();
        assertThat(planned.nextOpen()).contains(Instant.parse("2026-05-05T02:00:00Z"));
    }
}
