package dev.changebot.domain.change;

import static dev.changebot.domain.change.ChangeFixtures.CHANNEL;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static dev.changebot.domain.change.ChangeFixtures.details;
import static dev.changebot.domain.change.ChangeFixtures.pendingChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.domain.change.ChangeEvent.ChangeApprovalRevoked;
import dev.changebot.domain.change.ChangeEvent.ChangeApproved;
import dev.changebot.domain.change.ChangeEvent.ChangeCancelled;
import dev.changebot.domain.change.ChangeEvent.ChangePreApproved;
import dev.changebot.domain.change.ChangeEvent.ChangeRejected;
import dev.changebot.domain.change.ChangeEvent.ChangeRequested;
import dev.changebot.domain.change.ChangeEvent.ChangeStarted;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A change moves only by applying the events the rules decided on (dev.changebot.domain.rules has
 * who may do what, and the refusals). Here: what each event does to the change, and that a move
 * its lifecycle does not allow is refused, not ignored. The work and the aftermath: {@link ChangeWorkTest},
 * {@link EmergencyAftermathTest}.
 */
@DisplayName("A change")
class ChangeTest {

    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));

    @Nested
    @DisplayName("when requested")
    class Requesting {

        @Test
        void waitsForApproval() {
            var requested = Change.request(FIRST, WORKSPACE, REQUESTER, CHANNEL, "normal", details(), NOW);

            assertThat(requested.change().state()).isEqualTo(ChangeState.PENDING_APPROVAL);
            assertThat(requested.change().approvals()).isEmpty();
            assertThat(requested.change().rejection()).isEmpty();
            assertThat(requested.change().message()).isEmpty();
            assertThat(requested.change().isEmergency()).isFalse();
            assertThat(requested.change().lifecycle()).isEqualTo(Lifecycle.NORMAL);
        }

        @Test
        @DisplayName("records who asked, when, and for what")
        void recordsTheRequest() {
            var requested = Change.request(FIRST, WORKSPACE, REQUESTER, CHANNEL, "normal", details(), NOW);

            assertThat(requested.event())
                    .isEqualTo(new ChangeRequested(FIRST, REQUESTER, NOW, "Upgrade payments-api to 2.4"));
            assertThat(requested.event().type()).isEqualTo("ChangeRequested");
        }

        @Test
        @DisplayName("of a pre-approved class is approved by the policy's pre-approval")
        void preApproved() {
            var change = pendingChange();

            change.apply(new ChangePreApproved(FIRST, REQUESTER, NOW, "standard"));

            assertThat(change.state()).isEqualTo(ChangeState.APPROVED);
        }
    }

    @Nested
    @DisplayName("when approved")
    class Approving {

        @Test
        @DisplayName("with the approval that completes its chain is approved, and keeps who approved which step when")
        void approvedByTheLastApproval() {
            var change = pendingChange();

            change.apply(new ChangeApproved(FIRST, REVIEWER, LATER, 1, true, ApprovalVia.BUTTON, java.util.List.of()));

            assertThat(change.state()).isEqualTo(ChangeState.APPROVED);
            assertThat(change.approvals()).containsExactly(new Approval(REVIEWER, LATER, 1));
            assertThat(change.hasApprovalFrom(REVIEWER)).isTrue();
            assertThat(change.hasApprovalFrom(SOMEONE_ELSE)).isFalse();
        }

        @Test
        @DisplayName("stays pending while the chain wants more approvals")
        void staysPendingUntilTheChainIsComplete() {
            var change = pendingChange();

            change.apply(new ChangeApproved(FIRST, REVIEWER, LATER, 1, false, ApprovalVia.BUTTON, java.util.List.of()));

            assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
            assertThat(change.hasApprovalFrom(REVIEWER)).isTrue();
        }

        @Test
        @DisplayName("after being rejected is an illegal transition, and nothing is recorded")
        void refusedOnceRejected() {
            var change = pendingChange();
            change.apply(new ChangeRejected(FIRST, REVIEWER, NOW, "No rollback tested", dev.changebot.domain.change.ApprovalVia.COMMAND, java.util.List.of()));

            assertThatThrownBy(() -> change.apply(new ChangeApproved(FIRST, SOMEONE_ELSE, LATER, 1, true, ApprovalVia.BUTTON, java.util.List.of())))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("CHG-1 cannot move from rejected to approved");
            assertThat(change.state()).isEqualTo(ChangeState.REJECTED);
        }

        @Test
        @DisplayName("withdrawn, loses that person's approval of that step only")
        void revoked() {
            var change = pendingChange();
            change.apply(new ChangeApproved(FIRST, REVIEWER, NOW, 1, false, ApprovalVia.BUTTON, java.util.List.of()));
            change.apply(new ChangeApproved(FIRST, SOMEONE_ELSE, NOW, 1, false, ApprovalVia.BUTTON, java.util.List.of()));

            change.apply(new ChangeApprovalRevoked(FIRST, REVIEWER, LATER, 1));

            assertThat(change.approvals()).containsExactly(new Approval(SOMEONE_ELSE, NOW, 1));
            assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        }
    }

    @Nested
    @DisplayName("when rejected")
    class Rejecting {

        @Test
        @DisplayName("is rejected, keeping who, why and when")
        void rejectedWithAReason() {
            var change = pendingChange();

            change.apply(new ChangeRejected(FIRST, REVIEWER, LATER, "Not on a Friday", dev.changebot.domain.change.ApprovalVia.COMMAND, java.util.List.of()));

            assertThat(change.state()).isEqualTo(ChangeState.REJECTED);
            assertThat(change.rejection()).contains(new Rejection(REVIEWER, "Not on a Friday", LATER));
        }

        @Test
        @DisplayName("after approval is an illegal transition, refused rather than ignored")
        void refusedOnceApproved() {
            var change = pendingChange();
            change.apply(new ChangeApproved(FIRST, REVIEWER, NOW, 1, true, ApprovalVia.BUTTON, java.util.List.of()));

            assertThatThrownBy(() -> change.apply(new ChangeRejected(FIRST, SOMEONE_ELSE, LATER, "Changed my mind", dev.changebot.domain.change.ApprovalVia.COMMAND, java.util.List.of())))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, illegal -> {
                        assertThat(illegal).hasMessage("CHG-1 cannot move from approved to rejected");
                        assertThat(illegal.id()).isEqualTo(FIRST);
                        assertThat(illegal.from()).isEqualTo(ChangeState.APPROVED);
                        assertThat(illegal.to()).isEqualTo(ChangeState.REJECTED);
                    });
            assertThat(change.state()).isEqualTo(ChangeState.APPROVED);
            assertThat(change.rejection()).isEmpty();
        }
    }

    @Nested
    @DisplayName("when cancelled")
    class Cancelling {

        @Test
        @DisplayName("while pending is withdrawn")
        void cancelledWhilePending() {
            var change = pendingChange();

            change.apply(new ChangeCancelled(FIRST, REQUESTER, LATER));

            assertThat(change.state()).isEqualTo(ChangeState.CANCELLED);
        }

        @Test
        @DisplayName("after approval, before work starts, is still withdrawn")
        void cancelledAfterApproval() {
            var change = pendingChange();
            change.apply(new ChangeApproved(FIRST, REVIEWER, NOW, 1, true, ApprovalVia.BUTTON, java.util.List.of()));

            change.apply(new ChangeCancelled(FIRST, REQUESTER, LATER));

            assertThat(change.state()).isEqualTo(ChangeState.CANCELLED);
        }

        @Test
        @DisplayName("twice is an illegal transition the second time")
        void refusedTwice() {
            var change = pendingChange();
            change.apply(new ChangeCancelled(FIRST, REQUESTER, NOW));

            assertThatThrownBy(() -> change.apply(new ChangeCancelled(FIRST, REQUESTER, LATER)))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("CHG-1 cannot move from cancelled to cancelled");
        }
    }

    @Test
    @DisplayName("started before it is approved is an illegal transition (a ChangeRefusedException), and stays pending")
    void startedTooEarly() {
        var change = pendingChange();

        assertThatThrownBy(() -> change.apply(new ChangeStarted(FIRST, REQUESTER, LATER)))
                .isInstanceOf(ChangeRefusedException.class)
                .hasMessage("CHG-1 cannot move from pending approval to in progress");
        assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
    }

    @Test
    @DisplayName("refuses an event of another change, and the events that create a change")
    void refusesEventsThatAreNotItsMoves() {
        var change = pendingChange();

        assertThatThrownBy(() -> change.apply(new ChangeApproved(new ChangeId(2), REVIEWER, LATER, 1, true, ApprovalVia.BUTTON, java.util.List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChangeApproved of CHG-2 applied to CHG-1");
        assertThatThrownBy(() -> change.apply(new ChangeRequested(FIRST, REQUESTER, LATER, "Again")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChangeRequested creates a change; it is not applied to one");
        assertThatThrownBy(() -> change.apply(new ChangeEvent.EmergencyDeclared(FIRST, REQUESTER, LATER, "Again", REQUESTER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EmergencyDeclared creates a change; it is not applied to one");
        assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(change.approvals()).isEmpty();
    }

    @Test
    @DisplayName("approvals() is a snapshot that cannot be used to change the change")
    void approvalsAreAnUnmodifiableCopy() {
        var change = pendingChange();
        var before = change.approvals();

        change.apply(new ChangeApproved(FIRST, REVIEWER, LATER, 1, true, ApprovalVia.BUTTON, java.util.List.of()));

        assertThat(before).isEmpty();
        assertThatThrownBy(() -> change.approvals().add(new Approval(REQUESTER, LATER, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(change.approvals()).hasSize(1);
    }
}
