package dev.changebot.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StepWaitTest {

    private static final Instant REQUESTED = Instant.parse("2026-11-02T08:00:00Z");

    private static Instant at(String time) {
        return Instant.parse("2026-11-02T" + time + ":00Z");
    }

    private static ChangeFact change(Instant fullyApproved, ChangeFact.Approval... approvals) {
        return new ChangeFact(7, "normal", "api", "production", REQUESTED, approvals.length == 0 ? null : approvals[0].at(),
                fullyApproved, false, null, null, null, null, null, List.of(), List.of(approvals), false);
    }

    private static ChangeFact.Approval approval(int step, String time, String... roles) {
        return new ChangeFact.Approval(step, at(time), List.of(roles));
    }

    @Test
    @DisplayName("each step waits from the previous step's last approval; a step of two approvers is done at the second")
    void ordered() {
        var waits = StepWait.of(change(at("13:00"), approval(1, "09:00", "tech-lead"), approval(2, "10:00", "sre"),
                approval(2, "11:30", "security"), approval(3, "13:00", "cab")));

        assertThat(waits).extracting(StepWait::step, StepWait::hours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1.0), org.assertj.core.groups.Tuple.tuple(2, 2.5),
                        org.assertj.core.groups.Tuple.tuple(3, 1.5));
        assertThat(waits.get(1).roles()).containsExactly("security", "sre");
        assertThat(waits.get(1).completedAt()).isEqualTo(at("11:30"));
        assertThat(waits.get(2).stepKey()).isEqualTo("normal step 3");
    }

    @Test
    @DisplayName("a step still short of approvers is not done: it waits on, and only the steps before it count")
    void unfinishedStep() {
        var waits = StepWait.of(change(null, approval(1, "09:00", "tech-lead"), approval(2, "10:00", "sre")));

        assertThat(waits).extracting(StepWait::step).containsExactly(1);
    }

    @Test
    @DisplayName("a pre-approved change has no steps; one approval that completes the chain is one step")
    void preApprovedAndSingle() {
        assertThat(StepWait.of(change(REQUESTED))).isEmpty();
        var single = StepWait.of(change(at("08:45"), approval(1, "08:45")));
        assertThat(single).singleElement().satisfies(w -> {
            assertThat(w.hours()).isEqualTo(0.75);
            assertThat(w.roles()).isEmpty();
        });
    }

    @Test
    @DisplayName("a change without a class is keyed 'none'")
    void noClass() {
        var change = new ChangeFact(8, null, null, null, REQUESTED, at("09:00"), at("09:00"), false, null, null, null,
                null, null, List.of(), List.of(approval(1, "09:00")), false);
        assertThat(StepWait.of(change)).singleElement().extracting(StepWait::stepKey).isEqualTo("none step 1");
    }
}
