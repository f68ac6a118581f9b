package dev.changebot.domain.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeFixtures;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.policyfile.PolicyLoad;
import dev.changebot.policyfile.PolicyReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The gate's decision alone: a change, the policy, the calendar, an environment and a fixed moment. */
class GateDecisionTest {

    /** Tuesday 10 March 2026, 10:00 UTC: inside the test policy's weekdays window. */
    static final Instant TUESDAY_10 = Instant.parse("2026-03-10T10:00:00Z");
    static final ChangeId ID = new ChangeId(7);

    final Policy policy = policy();
    final GateDecision gate = new GateDecision(new PolicyCalendar());

    @Test
    @DisplayName("a change waiting for approval is pending, naming the step")
    void awaitingApproval() {
        var verdict = decide(requested("normal"), "staging", CalendarState.QUIET, TUESDAY_10);

        assertThat(verdict.state()).isEqualTo(GateState.PENDING);
        assertThat(verdict.reasons()).extracting(GateReason::code).containsExactly("approval_pending");
        assertThat(verdict.reasons().get(0).text()).contains("step 1 (Review)");
    }

    @Test
    @DisplayName("an approved change goes to its first stage; production waits for the staging soak, then goes")
    void stagesAndSoak() {
        var change = approved(requested("normal"));
        assertThat(decide(change, "staging", CalendarState.QUIET, TUESDAY_10).state()).isEqualTo(GateState.ALLOWED);

        var skipped = decide(change, "production", CalendarState.QUIET, TUESDAY_10);
        assertThat(skipped.state()).isEqualTo(GateState.PENDING);
        assertThat(skipped.reasons()).extracting(GateReason::code).containsExactly("stage_skipped");

        change.apply(new ChangeEvent.ChangeStarted(ID, "U0DEV", TUESDAY_10));
        var soakEnd = TUESDAY_10.plus(Duration.ofMinutes(30));
        change.apply(new ChangeEvent.ChangeDeployed(ID, "api:ci", TUESDAY_10, "staging", OptionalInt.empty(), soakEnd));
        var soaking = decide(change, "production", CalendarState.QUIET, TUESDAY_10.plusSeconds(60));
        assertThat(soaking.state()).isEqualTo(GateState.PENDING);
        assertThat(soaking.reasons()).extracting(GateReason::code).containsExactly("soaking");
        assertThat(soaking.nextOpen()).hasValue(soakEnd);

        change.apply(new ChangeEvent.ChangeSoakCompleted(ID, "changebot", soakEnd, "staging"));
        assertThat(decide(change, "production", CalendarState.QUIET, soakEnd).state()).isEqualTo(GateState.ALLOWED);
    }

    @Test
    @DisplayName("outside its window a pre-approved change is pending until the window opens")
    void outsideWindow() {
        var change = preApproved();
        var evening = Instant.parse("2026-03-10T18:00:00Z");

        var verdict = decide(change, "production", CalendarState.QUIET, evening);

        assertThat(verdict.state()).isEqualTo(GateState.PENDING);
        assertThat(verdict.reasons()).extracting(GateReason::code).containsExactly("outside_window");
        assertThat(verdict.nextOpen()).hasValue(Instant.parse("2026-03-11T09:00:00Z"));
        assertThat(decide(change, "production", CalendarState.QUIET, Instant.parse("2026-03-11T09:00:00Z")).state())
                .isEqualTo(GateState.ALLOWED);
    }

    @Test
    @DisplayName("inside a declared freeze it is pending until the freeze ends, and says how to override")
    void frozen() {
        var freeze = new CalendarState(List.of(new TimeSpan(TUESDAY_10.minusSeconds(60), TUESDAY_10.plusSeconds(3600))),
                Map.of());

        var verdict = decide(preApproved(), "production", freeze, TUESDAY_10);

        assertThat(verdict.state()).isEqualTo(GateState.PENDING);
        assertThat(verdict.reasons()).extracting(GateReason::code).containsExactly("freeze", "override_possible");
        assertThat(verdict.nextOpen()).hasValue(TUESDAY_10.plusSeconds(3600));
        assertThat(verdict.reasons().get(1).text()).contains("/change start CHG-7");
    }

    @Test
    @DisplayName("a rejected or cancelled change is prevented, with the reason")
    void rejectedAndCancelled() {
        var rejected = requested("normal");
        rejected.apply(new ChangeEvent.ChangeRejected(ID, "U0REVIEW", TUESDAY_10, "no rollback plan",
                dev.changebot.domain.change.ApprovalVia.BUTTON, java.util.List.of("reviewer")));
        var cancelled = requested("normal");
        cancelled.apply(new ChangeEvent.ChangeCancelled(ID, "U0DEV", TUESDAY_10));

        var onRejected = decide(rejected, "staging", CalendarState.QUIET, TUESDAY_10);
        assertThat(onRejected.state()).isEqualTo(GateState.PREVENTED);
        assertThat(onRejected.reasons().get(0).text()).contains("no rollback plan");
        assertThat(decide(cancelled, "staging", CalendarState.QUIET, TUESDAY_10).reasons())
                .extracting(GateReason::code).containsExactly("cancelled");
    }

    @Test
    @DisplayName("a deadline passed while something still stands in the way prevents it; before, it stays pending")
    void deadline() {
        var change = requested("normal");
        var deadline = TUESDAY_10.plusSeconds(600);

        assertThat(gate.decide(change, policy, CalendarState.QUIET, Optional.empty(), "staging", Optional.of(deadline),
                TUESDAY_10).state()).isEqualTo(GateState.PENDING);
        var late = gate.decide(change, policy, CalendarState.QUIET, Optional.empty(), "staging", Optional.of(deadline),
                deadline);
        assertThat(late.state()).isEqualTo(GateState.PREVENTED);
        assertThat(late.reasons()).extracting(GateReason::code).containsExactly("deadline_passed", "approval_pending");
    }

    @Test
    @DisplayName("a declared emergency is allowed at once, freeze or not")
    void emergency() {
        var declared = Change.declare(ID, "T1", "U0IC", "U0IC", Optional.empty(), "C1", "emergency",
                ChangeFixtures.details(), List.of(), false, TUESDAY_10).change();
        var freeze = new CalendarState(List.of(new TimeSpan(TUESDAY_10.minusSeconds(60), TUESDAY_10.plusSeconds(3600))),
                Map.of());

        var verdict = decide(declared, "production", freeze, TUESDAY_10);

        assertThat(declared.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(verdict.state()).isEqualTo(GateState.ALLOWED);
        assertThat(verdict.reasons()).extracting(GateReason::code).containsExactly("emergency");
    }

    private GateVerdict decide(Change change, String environment, CalendarState state, Instant now) {
        return gate.decide(change, policy, state, Optional.empty(), environment, Optional.empty(), now);
    }

    private static Change requested(String changeClass) {
        return Change.request(ID, "T1", "U0DEV", "C1", changeClass, ChangeFixtures.details(), TUESDAY_10).change();
    }

    private static Change approved(Change change) {
        change.apply(new ChangeEvent.ChangeApproved(ID, "U0REVIEW", TUESDAY_10, 1, true, ApprovalVia.BUTTON,
                List.of("reviewers")));
        return change;
    }

    private static Change preApproved() {
        var change = requested("standard");
        change.apply(new ChangeEvent.ChangePreApproved(ID, "api:ci", TUESDAY_10, "standard"));
        return change;
    }

    private static Policy policy() {
        try {
            var load = PolicyReader.read("test-gate.yaml",
                    Files.readString(Path.of("src/test/resources/policies/test-gate.yaml")));
            return ((PolicyLoad.Loaded) load).policy();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
