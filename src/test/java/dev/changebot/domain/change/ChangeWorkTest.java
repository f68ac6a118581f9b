package dev.changebot.domain.change;

import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.domain.change.ChangeEvent.ChangeDeployed;
import dev.changebot.domain.change.ChangeEvent.ChangeFinished;
import dev.changebot.domain.change.ChangeEvent.ChangeOverrideSigned;
import dev.changebot.domain.change.ChangeEvent.ChangeSoakCompleted;
import dev.changebot.domain.change.ChangeEvent.ChangeStarted;
import dev.changebot.domain.change.ChangeEvent.ChangeStartedByOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the events of the work do to a change: its start (maybe by override), deployments, soaks and end. */
@DisplayName("The work on a change")
class ChangeWorkTest {

    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));
    static final Instant SOAKED = LATER.plus(Duration.ofMinutes(30));
    static final String WHY = "Card captures failing for EU customers; fix cannot wait.";

    final Change approved = changeIn(ChangeState.APPROVED);
    final Change inProgress = changeIn(ChangeState.IN_PROGRESS);

    @Test
    @DisplayName("started, is in progress with no exception recorded")
    void started() {
        approved.apply(new ChangeStarted(FIRST, REQUESTER, LATER));

        assertThat(approved.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(approved.exception()).isEmpty();
    }

    @Test
    @DisplayName("started by override, is in progress and keeps the exception: who, when, why, against which rules")
    void startedByOverride() {
        approved.apply(new ChangeStartedByOverride(FIRST, REVIEWER, LATER, WHY, List.of("weekend"), List.of(REVIEWER)));

        assertThat(approved.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(approved.exception()).contains(new PolicyException(List.of(REVIEWER), LATER, WHY, List.of("weekend")));
        assertThat(approved.pendingOverride()).isEmpty();
    }

    @Test
    @DisplayName("an override signed person by person: the first opens it with the justification, the next joins, the start closes it")
    void overrideSignedPersonByPerson() {
        approved.apply(new ChangeOverrideSigned(FIRST, REVIEWER, NOW, "  " + WHY + " ", List.of("weekend"),
                List.of("backend-lead")));

        assertThat(approved.state()).as("nothing starts yet").isEqualTo(ChangeState.APPROVED);
        assertThat(approved.pendingOverride()).hasValueSatisfying(pending -> {
            assertThat(pending.justification()).isEqualTo(WHY);
            assertThat(pending.rules()).containsExactly("weekend");
            assertThat(pending.requestedAt()).isEqualTo(NOW);
            assertThat(pending.signers()).containsExactly(new OverrideRequest.Signature(REVIEWER, Set.of("backend-lead")));
            assertThat(pending.signedBy(REVIEWER)).isTrue();
        });

        approved.apply(new ChangeOverrideSigned(FIRST, SOMEONE_ELSE, LATER, "another reason", List.of("other"),
                List.of("sre-lead")));
        assertThat(approved.pendingOverride()).hasValueSatisfying(pending -> {
            assertThat(pending.justification()).as("the first signer's stands").isEqualTo(WHY);
            assertThat(pending.rules()).containsExactly("weekend");
            assertThat(pending.roles()).containsExactly("backend-lead", "sre-lead");
            assertThat(pending.requestedAt()).isEqualTo(NOW);
        });

        approved.apply(new ChangeStartedByOverride(FIRST, SOMEONE_ELSE, LATER, WHY, List.of("weekend"),
                List.of(REVIEWER, SOMEONE_ELSE)));
        assertThat(approved.pendingOverride()).isEmpty();
        assertThat(approved.exception().orElseThrow().overriddenBy()).containsExactly(REVIEWER, SOMEONE_ELSE);
    }

    @Test
    @DisplayName("goes to production after its soak in staging: soaking there first, passed once the soak completes")
    void productionAfterTheSoak() {
        inProgress.apply(new ChangeDeployed(FIRST, REQUESTER, LATER, "staging", OptionalInt.empty(), SOAKED));
        assertThat(inProgress.state()).isEqualTo(ChangeState.SOAKING);
        assertThat(inProgress.soak()).contains(new Soak("staging", SOAKED));
        assertThat(inProgress.stagesPassed()).as("not while it soaks").isEmpty();

        inProgress.apply(new ChangeSoakCompleted(FIRST, "changebot", SOAKED, "staging"));
        assertThat(inProgress.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(inProgress.soak()).isEmpty();
        assertThat(inProgress.stagesPassed()).containsExactly("staging");

        inProgress.apply(new ChangeDeployed(FIRST, REQUESTER, SOAKED, "production", OptionalInt.empty(), null));
        assertThat(inProgress.state()).as("no soak: nothing to wait for").isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(inProgress.stagesPassed()).containsExactly("staging", "production");
    }

    @Test
    @DisplayName("a rollout step soaks under its label and remembers how far the rollout has gone")
    void rolloutStep() {
        assertThat(inProgress.rolloutPercent()).isZero();

        inProgress.apply(new ChangeDeployed(FIRST, REQUESTER, LATER, "production", OptionalInt.of(25), SOAKED));

        assertThat(inProgress.rolloutPercent()).isEqualTo(25);
        assertThat(inProgress.soak()).contains(new Soak("production 25%", SOAKED));
        inProgress.apply(new ChangeSoakCompleted(FIRST, "changebot", SOAKED, "production 25%"));
        assertThat(inProgress.stagesPassed()).containsExactly("production 25%");
    }

    @Test
    @DisplayName("finished, ends as it says: completed, rolled back or failed")
    void finished() {
        for (var outcome : List.of(ChangeState.COMPLETED, ChangeState.ROLLED_BACK, ChangeState.FAILED)) {
            var change = changeIn(ChangeState.IN_PROGRESS);

            change.apply(new ChangeFinished(FIRST, REQUESTER, LATER, outcome));

            assertThat(change.state()).isEqualTo(outcome);
            assertThat(change.state().isOpen()).isFalse();
        }
    }

    @Test
    @DisplayName("rolled back while soaking, aborts the soak")
    void rolledBackWhileSoaking() {
        inProgress.apply(new ChangeDeployed(FIRST, REQUESTER, LATER, "staging", OptionalInt.empty(), SOAKED));

        inProgress.apply(new ChangeFinished(FIRST, REQUESTER, LATER, ChangeState.ROLLED_BACK));

        assertThat(inProgress.state()).isEqualTo(ChangeState.ROLLED_BACK);
        assertThat(inProgress.soak()).isEmpty();
        assertThat(inProgress.stagesPassed()).isEmpty();
    }

    @Test
    @DisplayName("moves its lifecycle does not allow are illegal transitions, and leave the change as it was")
    void illegalMoves() {
        assertThatThrownBy(() -> approved.apply(new ChangeDeployed(FIRST, REQUESTER, LATER, "staging", OptionalInt.empty(),
                SOAKED))).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("CHG-1 cannot move from approved to soaking");
        assertThatThrownBy(() -> inProgress.apply(new ChangeSoakCompleted(FIRST, "changebot", LATER, "staging")))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("CHG-1 cannot move from in progress to in progress");
        assertThatThrownBy(() -> approved.apply(new ChangeFinished(FIRST, REQUESTER, LATER, ChangeState.COMPLETED)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("CHG-1 cannot move from approved to completed");
        assertThatThrownBy(() -> inProgress.apply(new ChangeStarted(FIRST, REQUESTER, LATER)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("CHG-1 cannot move from in progress to in progress");

        assertThat(approved.state()).isEqualTo(ChangeState.APPROVED);
        assertThat(approved.soak()).isEmpty();
        assertThat(inProgress.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(inProgress.stagesPassed()).isEmpty();
    }

    @Test
    @DisplayName("a rollout step it may not take leaves the rollout where it was")
    void illegalRolloutStep() {
        assertThatThrownBy(() -> approved.apply(new ChangeDeployed(FIRST, REQUESTER, LATER, "production",
                OptionalInt.of(25), SOAKED))).isInstanceOf(IllegalTransitionException.class);

        assertThat(approved.rolloutPercent()).isZero();
        assertThat(approved.soak()).isEmpty();
    }

    @Test
    @DisplayName("events that move no state are still refused where the change cannot take them")
    void eventsOutOfPlace() {
        assertThatThrownBy(() -> approved.apply(new ChangeDeployed(FIRST, REQUESTER, LATER, "staging", OptionalInt.empty(),
                null))).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("CHG-1 cannot move from approved to soaking");
        assertThatThrownBy(() -> inProgress.apply(new ChangeOverrideSigned(FIRST, REVIEWER, LATER, "Incident fix",
                List.of("weekend"), List.of("sre")))).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("CHG-1 cannot move from in progress to in progress");
        assertThatThrownBy(() -> approved.apply(new ChangeEvent.ChangeApproved(FIRST, SOMEONE_ELSE, LATER, 1, false, ApprovalVia.BUTTON, java.util.List.of())))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("CHG-1 cannot move from approved to approved");

        assertThat(approved.stagesPassed()).isEmpty();
        assertThat(approved.approvals()).isEqualTo(changeIn(ChangeState.APPROVED).approvals());
        assertThat(inProgress.pendingOverride()).isEmpty();
    }
}
