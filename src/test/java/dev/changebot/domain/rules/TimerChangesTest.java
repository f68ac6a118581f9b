package dev.changebot.domain.rules;

import dev.changebot.domain.change.ApprovalVia;
import static dev.changebot.domain.change.ChangeFixtures.CHANNEL;
import static dev.changebot.domain.change.ChangeFixtures.COMMANDER;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.change.ChangeFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.change.TimerKind;
import dev.changebot.domain.policy.Reminders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The durable timers that follow from a recorded event: a soak's end, an emergency's follow-up reminders and deadlines. */
@DisplayName("The timers an event sets or calls off")
class TimerChangesTest {

    /** Follow-ups are reminded 4 hours before their deadline. */
    static final Reminders REMINDERS = Reminders.defaults();
    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));
    static final Instant SOAKED = LATER.plus(Duration.ofMinutes(30));

    final Change change = changeIn(ChangeState.IN_PROGRESS);

    @Test
    @DisplayName("a deployment that soaks arms the soak's end, for the stage as people name it")
    void soakArmed() {
        var staging = new ChangeEvent.ChangeDeployed(FIRST, REQUESTER, LATER, "staging", OptionalInt.empty(), SOAKED);
        var step = new ChangeEvent.ChangeDeployed(FIRST, REQUESTER, LATER, "production", OptionalInt.of(25), SOAKED);

        assertThat(TimerChanges.after(change, staging, REMINDERS))
                .containsExactly(new TimerChange.Arm(TimerKind.SOAK_END, "staging", SOAKED));
        assertThat(TimerChanges.after(change, step, REMINDERS))
                .containsExactly(new TimerChange.Arm(TimerKind.SOAK_END, "production 25%", SOAKED));
    }

    @Test
    @DisplayName("the end of the work calls off any soak still under way")
    void finishedCallsOffTheSoak() {
        for (var outcome : List.of(ChangeState.COMPLETED, ChangeState.ROLLED_BACK, ChangeState.FAILED)) {
            var finished = new ChangeEvent.ChangeFinished(FIRST, REQUESTER, LATER, outcome);

            assertThat(TimerChanges.after(change, finished, REMINDERS))
                    .containsExactly(new TimerChange.Cancel(TimerKind.SOAK_END, Optional.empty()));
        }
    }

    @Test
    @DisplayName("a follow-up met calls off its reminder and its deadline, and only its own")
    void satisfiedCallsOffItsTimers() {
        var satisfied = new ChangeEvent.ObligationSatisfied(FIRST, REVIEWER, LATER, "retrospective", Map.of());

        assertThat(TimerChanges.after(change, satisfied, REMINDERS)).containsExactly(
                new TimerChange.Cancel(TimerKind.FOLLOW_UP_REMINDER, Optional.of("retrospective")),
                new TimerChange.Cancel(TimerKind.FOLLOW_UP_DUE, Optional.of("retrospective")));
    }

    @Test
    @DisplayName("a declaration arms each follow-up's deadline, and its reminder when that is still ahead")
    void declarationArmsTheFollowUps() {
        var inADay = NOW.plus(Duration.ofHours(24));
        var inFourHours = NOW.plus(Duration.ofHours(4));
        var inTwoHours = NOW.plus(Duration.ofHours(2));
        var declared = Change.declare(FIRST, WORKSPACE, REQUESTER, COMMANDER, Optional.empty(), CHANNEL, "emergency",
                details(), List.of(owed("retrospective", inADay), owed("status-page", inFourHours),
                        owed("call-customer", inTwoHours)), false, NOW);

        assertThat(TimerChanges.after(declared.change(), declared.event(), REMINDERS)).containsExactly(
                new TimerChange.Arm(TimerKind.FOLLOW_UP_REMINDER, "retrospective", inADay.minus(Duration.ofHours(4))),
                new TimerChange.Arm(TimerKind.FOLLOW_UP_DUE, "retrospective", inADay),
                new TimerChange.Arm(TimerKind.FOLLOW_UP_DUE, "status-page", inFourHours),
                new TimerChange.Arm(TimerKind.FOLLOW_UP_DUE, "call-customer", inTwoHours));
    }

    @Test
    @DisplayName("a declaration owing nothing arms nothing")
    void declarationOwingNothing() {
        var declared = Change.declare(FIRST, WORKSPACE, REQUESTER, COMMANDER, Optional.empty(), CHANNEL, "emergency",
                details(), List.of(), false, NOW);

        assertThat(TimerChanges.after(declared.change(), declared.event(), REMINDERS)).isEmpty();
    }

    static Stream<ChangeEvent> noTimers() {
        return Stream.of(
                new ChangeEvent.ChangeRequested(FIRST, REQUESTER, NOW, "Upgrade"),
                new ChangeEvent.ChangePreApproved(FIRST, REQUESTER, NOW, "standard"),
                new ChangeEvent.ChangeApproved(FIRST, REVIEWER, NOW, 1, true, ApprovalVia.BUTTON, java.util.List.of()),
                new ChangeEvent.ChangeApprovalRevoked(FIRST, REVIEWER, NOW, 1),
                new ChangeEvent.ChangeRejected(FIRST, REVIEWER, NOW, "No", dev.changebot.domain.change.ApprovalVia.COMMAND, java.util.List.of()),
                new ChangeEvent.ChangeCancelled(FIRST, REQUESTER, NOW),
                new ChangeEvent.ChangeStarted(FIRST, REQUESTER, NOW),
                new ChangeEvent.ChangeStartedByOverride(FIRST, REVIEWER, NOW, "Why", List.of("weekend"), List.of(REVIEWER)),
                new ChangeEvent.ChangeOverrideSigned(FIRST, REVIEWER, NOW, "Why", List.of("weekend"), List.of("sre-lead")),
                new ChangeEvent.ChangeDeployed(FIRST, REQUESTER, NOW, "production", OptionalInt.empty(), null),
                new ChangeEvent.ChangeSoakCompleted(FIRST, "changebot", NOW, "staging"),
                new ChangeEvent.EmergencyResolved(FIRST, COMMANDER, NOW),
                new ChangeEvent.ObligationOverdue(FIRST, "changebot", NOW, "retrospective", NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noTimers")
    @DisplayName("every other event sets and calls off nothing")
    void nothingElse(ChangeEvent event) {
        assertThat(TimerChanges.after(change, event, REMINDERS)).isEmpty();
    }

    private static Obligation owed(String name, Instant dueAt) {
        return Obligation.owed(name, name, dueAt, Set.of(), false, List.of());
    }
}
