package dev.changebot.domain.change;

import static dev.changebot.domain.change.ChangeState.APPROVED;
import static dev.changebot.domain.change.ChangeState.CANCELLED;
import static dev.changebot.domain.change.ChangeState.COMPLETED;
import static dev.changebot.domain.change.ChangeState.FAILED;
import static dev.changebot.domain.change.ChangeState.IN_PROGRESS;
import static dev.changebot.domain.change.ChangeState.PENDING_APPROVAL;
import static dev.changebot.domain.change.ChangeState.REJECTED;
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

@DisplayName("The lifecycle of a change")
class ChangeStateTest {

    /** The whole table, written out once more by hand: every pair not listed here is refused. */
    static final Map<ChangeState, Set<ChangeState>> ALLOWED = Map.of(
            PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, CANCELLED),
            APPROVED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(SOAKING, COMPLETED, FAILED, ROLLED_BACK),
            SOAKING, EnumSet.of(COMPLETED, FAILED, ROLLED_BACK),
            COMPLETED, EnumSet.noneOf(ChangeState.class),
            REJECTED, EnumSet.noneOf(ChangeState.class),
            CANCELLED, EnumSet.noneOf(ChangeState.class),
            FAILED, EnumSet.noneOf(ChangeState.class),
            ROLLED_BACK, EnumSet.noneOf(ChangeState.class));

    static Stream<Arguments> allowedMoves() {
        return everyPair().filter(pair -> ALLOWED.get(from(pair)).contains(to(pair)));
    }

    static Stream<Arguments> refusedMoves() {
        return everyPair().filter(pair -> !ALLOWED.get(from(pair)).contains(to(pair)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("allowedMoves")
    @DisplayName("allows exactly the moves of the table")
    void allowsTheMovesOfTheTable(ChangeState from, ChangeState to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest(name = "{0} ↛ {1}")
    @MethodSource("refusedMoves")
    @DisplayName("refuses every other move, staying put included")
    void refusesEveryOtherMove(ChangeState from, ChangeState to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @Test
    @DisplayName("the table above covers every state")
    void tableCoversEveryState() {
        assertThat(ALLOWED).containsOnlyKeys(ChangeState.values());
    }

    @Test
    @DisplayName("nothing leads back to pending approval")
    void nothingLeadsBackToPending() {
        assertThat(ChangeState.values()).noneMatch(state -> state.canMoveTo(PENDING_APPROVAL));
    }

    @ParameterizedTest
    @EnumSource(names = {"PENDING_APPROVAL", "APPROVED", "IN_PROGRESS", "SOAKING"})
    @DisplayName("is open while someone still has to act")
    void isOpenWhileSomeoneHasToAct(ChangeState state) {
        assertThat(state.isOpen()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPLETED", "REJECTED", "CANCELLED", "FAILED", "ROLLED_BACK"})
    @DisplayName("is history once it reaches an end")
    void isClosedAtTheEnd(ChangeState state) {
        assertThat(state.isOpen()).isFalse();
    }

    @Test
    void readsAsWordsToAPerson() {
        assertThat(PENDING_APPROVAL.label()).isEqualTo("pending approval");
        assertThat(ROLLED_BACK.label()).isEqualTo("rolled back");
    }

    private static Stream<Arguments> everyPair() {
        return Arrays.stream(ChangeState.values())
                .flatMap(from -> Arrays.stream(ChangeState.values()).map(to -> Arguments.of(from, to)));
    }

    private static ChangeState from(Arguments pair) {
        return (ChangeState) pair.get()[0];
    }

    private static ChangeState to(Arguments pair) {
        return (ChangeState) pair.get()[1];
    }
}
