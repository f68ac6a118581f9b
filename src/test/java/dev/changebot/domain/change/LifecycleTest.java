package dev.changebot.domain.change;

import static dev.changebot.domain.change.ChangeState.APPROVED;
import static dev.changebot.domain.change.ChangeState.CANCELLED;
import static dev.changebot.domain.change.ChangeState.CLOSED;
import static dev.changebot.domain.change.ChangeState.COMPLETED;
import static dev.changebot.domain.change.ChangeState.DRAFT;
import static dev.changebot.domain.change.ChangeState.FAILED;
import static dev.changebot.domain.change.ChangeState.FOLLOW_UPS_PENDING;
import static dev.changebot.domain.change.ChangeState.IN_PROGRESS;
import static dev.changebot.domain.change.ChangeState.OVERDUE;
import static dev.changebot.domain.change.ChangeState.PENDING_APPROVAL;
import static dev.changebot.domain.change.ChangeState.REJECTED;
import static dev.changebot.domain.change.ChangeState.RESOLVED;
import static dev.changebot.domain.change.ChangeState.ROLLED_BACK;
import static dev.changebot.domain.change.ChangeState.SOAKING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The lifecycles of a change")
class LifecycleTest {

    /** Both tables written out once more by hand: every pair not listed here is refused. */
    static final Map<Lifecycle, Map<ChangeState, Set<ChangeState>>> ALLOWED = Map.of(
            Lifecycle.NORMAL, Map.of(
                    DRAFT, EnumSet.of(PENDING_APPROVAL, CANCELLED),
                    PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, CANCELLED),
                    APPROVED, EnumSet.of(IN_PROGRESS, CANCELLED),
                    IN_PROGRESS, EnumSet.of(SOAKING, COMPLETED, FAILED, ROLLED_BACK),
                    SOAKING, EnumSet.of(IN_PROGRESS, COMPLETED, FAILED, ROLLED_BACK),
                    // A retry in a fallback window (chat-backend: "Second Tuesday if first window fails").
                    FAILED, EnumSet.of(IN_PROGRESS),
                    ROLLED_BACK, EnumSet.of(IN_PROGRESS)),
            Lifecycle.EMERGENCY, Map.of(
                    PENDING_APPROVAL, EnumSet.of(IN_PROGRESS, REJECTED, CANCELLED),
                    IN_PROGRESS, EnumSet.of(RESOLVED, ROLLED_BACK, FAILED),
                    RESOLVED, EnumSet.of(FOLLOW_UPS_PENDING, CLOSED),
                    FOLLOW_UPS_PENDING, EnumSet.of(CLOSED, OVERDUE),
                    OVERDUE, EnumSet.of(CLOSED),
                    ROLLED_BACK, EnumSet.of(FOLLOW_UPS_PENDING),
                    FAILED, EnumSet.of(FOLLOW_UPS_PENDING)));

    static Stream<Arguments> everyMove() {
        return Arrays.stream(Lifecycle.values()).flatMap(lifecycle -> Arrays.stream(ChangeState.values())
                .flatMap(from -> Arrays.stream(ChangeState.values()).map(to -> Arguments.of(lifecycle, from, to))));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("everyMove")
    @DisplayName("allows exactly the moves of its table, and refuses every other")
    void allowsExactlyTheTable(Lifecycle lifecycle, ChangeState from, ChangeState to) {
        boolean expected = ALLOWED.get(lifecycle).getOrDefault(from, Set.of()).contains(to);

        assertThat(lifecycle.allows(from, to)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a normal change starts pending approval; an emergency in progress, unless its class asks for approvals first")
    void whereEachKindStarts() {
        assertThat(Lifecycle.NORMAL.initial(false)).isEqualTo(PENDING_APPROVAL);
        assertThat(Lifecycle.EMERGENCY.initial(false)).isEqualTo(IN_PROGRESS);
        assertThat(Lifecycle.EMERGENCY.initial(true)).isEqualTo(PENDING_APPROVAL);
    }

    @Test
    @DisplayName("an emergency never goes back to approval nor waits to be started, and a normal change is never 'resolved'")
    void theKindsDoNotMix() {
        assertThat(Arrays.stream(ChangeState.values())).noneMatch(s -> Lifecycle.EMERGENCY.allows(s, PENDING_APPROVAL));
        assertThat(Arrays.stream(ChangeState.values())).noneMatch(s -> Lifecycle.EMERGENCY.allows(s, APPROVED));
        assertThat(Arrays.stream(ChangeState.values())).noneMatch(s -> Lifecycle.NORMAL.allows(s, RESOLVED));
    }

    @ParameterizedTest
    @EnumSource(names = {"DRAFT", "PENDING_APPROVAL", "APPROVED", "IN_PROGRESS", "SOAKING", "RESOLVED",
        "FOLLOW_UPS_PENDING", "OVERDUE"})
    @DisplayName("is open while someone still has to act, overdue included")
    void openStates(ChangeState state) {
        assertThat(state.isOpen()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPLETED", "REJECTED", "CANCELLED", "CLOSED"})
    @DisplayName("finished states have no way out in either lifecycle")
    void finishedStates(ChangeState state) {
        assertThat(state.isOpen()).isFalse();
        assertThat(Arrays.stream(ChangeState.values()))
                .noneMatch(to -> Lifecycle.NORMAL.allows(state, to) || Lifecycle.EMERGENCY.allows(state, to));
    }

    @Test
    void statesReadAsWordsToAPerson() {
        assertThat(PENDING_APPROVAL.label()).isEqualTo("pending approval");
        assertThat(FOLLOW_UPS_PENDING.label()).isEqualTo("follow ups pending");
    }
}
