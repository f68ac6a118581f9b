package dev.changebot.domain.change;

import static dev.changebot.domain.change.ChangeFixtures.CHANNEL;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static dev.changebot.domain.change.ChangeFixtures.details;
import static dev.changebot.domain.change.ChangeFixtures.pendingChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.approval.PolicyApprovalRule;
import dev.changebot.domain.policy.PolicyFixtures;
import dev.changebot.domain.approval.ApprovalRule;
import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.ChangeEvent.ChangeApproved;
import dev.changebot.domain.change.ChangeEvent.ChangeCancelled;
import dev.changebot.domain.change.ChangeEvent.ChangeRejected;
import dev.changebot.domain.change.ChangeEvent.ChangeRequested;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A change")
class ChangeTest {

    static final ApprovalRule RULE = new PolicyApprovalRule(PolicyFixtures.oneReviewer());
    static final java.util.Set<String> ROLES = PolicyFixtures.REVIEWER_ROLES;
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
        }

        @Test
        @DisplayName("records who asked, when, and for what")
        void recordsTheRequest() {
            var requested = Change.request(FIRST, WORKSPACE, REQUESTER, CHANNEL, "normal", details(), NOW);

            assertThat(requested.event())
                    .isEqualTo(new ChangeRequested(FIRST, REQUESTER, NOW, "Upgrade payments-api to 2.4"));
            assertThat(requested.event().type()).isEqualTo("ChangeRequested");
        }
    }

    @Nested
    @DisplayName("when approved")
    class Approving {

        @Test
        @DisplayName("by someone other than the requester is approved")
        void approvedByAReviewer() {
            var change = pendingChange();

            var event = change.approve(REVIEWER, ROLES, LATER, RULE);

            assertThat(change.state()).isEqualTo(ChangeState.APPROVED);
            assertThat(event).isEqualTo(new ChangeApproved(FIRST, REVIEWER, LATER, 1));
            assertThat(change.approvals()).containsExactly(new Approval(REVIEWER, LATER, 1));
        }

        @Test
        @DisplayName("by the requester is refused, and nothing is recorded")
        void refusedForTheRequester() {
            var change = pendingChange();

            assertThatThrownBy(() -> change.approve(REQUESTER, ROLES, LATER, RULE))
                    .isInstanceOf(ApprovalRefusedException.class)
                    .hasMessageContaining("CHG-1")
                    .hasMessageContaining("someone else");
            assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
            assertThat(change.approvals()).isEmpty();
        }

        @Test
        @DisplayName("after being rejected is refused")
        void refusedOnceRejected() {
            var change = pendingChange();
            change.reject(REVIEWER, "No rollback tested", NOW);

            assertThatThrownBy(() -> change.approve(ChangeFixtures.SOMEONE_ELSE, ROLES, LATER, RULE))
                    .isInstanceOf(ApprovalRefusedException.class)
                    .hasMessageContaining("rejected");
            assertThat(change.state()).isEqualTo(ChangeState.REJECTED);
            assertThat(change.approvals()).isEmpty();
        }

        @Test
        @DisplayName("stays pending while the rule wants more approvals")
        void staysPendingUntilTheRuleIsSatisfied() {
            ApprovalRule twoNeeded = new ApprovalRule() {
                public Decision mayApprove(Change change, String userId, java.util.Set<String> roles) {
                    return Decision.ALLOWED;
                }

                public Decision mayReject(Change change, String userId, java.util.Set<String> roles) {
                    return Decision.ALLOWED;
                }

                public int stepFor(Change change) {
                    return 1;
                }

                public boolean isSatisfied(Change change) {
                    return change.approvals().size() >= 2;
                }

                public ChainProgress progress(Change change) {
                    return new ChainProgress(java.util.List.of());
                }
            };
            var change = pendingChange();

            change.approve(REVIEWER, ROLES, LATER, twoNeeded);

            assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
            assertThat(change.hasApprovalFrom(REVIEWER)).isTrue();
        }
    }

    @Nested
    @DisplayName("when rejected")
    class Rejecting {

        @Test
        @DisplayName("with a reason is rejected, keeping who, why and when")
        void rejectedWithAReason() {
            var change = pendingChange();

            var event = change.reject(REVIEWER, "  Not on a Friday  ", LATER);

            assertThat(change.state()).isEqualTo(ChangeState.REJECTED);
            assertThat(change.rejection()).contains(new Rejection(REVIEWER, "Not on a Friday", LATER));
            assertThat(event).isEqualTo(new ChangeRejected(FIRST, REVIEWER, LATER, "Not on a Friday"));
        }

        @Test
        @DisplayName("without a reason is refused: the requester needs to know what to fix")
        void refusedWithoutAReason() {
            var change = pendingChange();

            assertThatThrownBy(() -> change.reject(REVIEWER, "   ", LATER))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
            assertThat(change.rejection()).isEmpty();
        }

        @Test
        @DisplayName("after approval is an illegal transition, refused rather than ignored")
        void refusedOnceApproved() {
            var change = pendingChange();
            change.approve(REVIEWER, ROLES, NOW, RULE);

            assertThatThrownBy(() -> change.reject(ChangeFixtures.SOMEONE_ELSE, "Changed my mind", LATER))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("CHG-1 cannot move from approved to rejected");
            assertThat(change.state()).isEqualTo(ChangeState.APPROVED);
            assertThat(change.rejection()).isEmpty();
        }
    }

    @Nested
    @DisplayName("when cancelled")
    class Cancelling {

        @Test
        @DisplayName("by the requester is withdrawn")
        void cancelledByTheRequester() {
            var change = pendingChange();

            var event = change.cancel(REQUESTER, LATER);

            assertThat(change.state()).isEqualTo(ChangeState.CANCELLED);
            assertThat(event).isEqualTo(new ChangeCancelled(FIRST, REQUESTER, LATER));
        }

        @Test
        @DisplayName("after approval, before work starts, is still withdrawn")
        void cancelledAfterApproval() {
            var change = pendingChange();
            change.approve(REVIEWER, ROLES, NOW, RULE);

            change.cancel(REQUESTER, LATER);

            assertThat(change.state()).isEqualTo(ChangeState.CANCELLED);
        }

        @Test
        @DisplayName("by someone else is refused, and mayCancel says why")
        void refusedForSomeoneElse() {
            var change = pendingChange();

            assertThat(change.mayCancel(REVIEWER))
                    .isEqualTo(Decision.refused("Only the requester of CHG-1 can cancel it."));
            assertThatThrownBy(() -> change.cancel(REVIEWER, LATER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Only the requester of CHG-1 can cancel it.");
            assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        }

        @Test
        @DisplayName("twice is refused the second time")
        void refusedTwice() {
            var change = pendingChange();
            change.cancel(REQUESTER, NOW);

            assertThat(change.mayCancel(REQUESTER).isAllowed()).isFalse();
            assertThatThrownBy(() -> change.cancel(REQUESTER, LATER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("can no longer be cancelled");
        }
    }

    @Test
    @DisplayName("approvals() is a snapshot that cannot be used to change the change")
    void approvalsAreAnUnmodifiableCopy() {
        var change = pendingChange();
        var before = change.approvals();

        change.approve(REVIEWER, ROLES, LATER, RULE);

        assertThat(before).isEmpty();
        assertThatThrownBy(() -> change.approvals().add(new Approval(REQUESTER, LATER, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(change.approvals()).hasSize(1);
    }

    @Nested
    @DisplayName("when deployed")
    class Deploying {

        final Change change = ChangeFixtures.changeIn(ChangeState.IN_PROGRESS);

        @Test
        @DisplayName("goes to production only after the stages before it are passed")
        void productionAfterTheSoak() {
            assertThatThrownBy(() -> change.deployed(REQUESTER, "production", java.util.OptionalInt.empty(),
                    java.util.Optional.empty(), java.util.List.of("staging"), NOW))
                    .hasMessage("CHG-1 goes to production only after its soak in staging: deploy it to staging first.");
            assertThat(change.state()).isEqualTo(ChangeState.IN_PROGRESS);

            change.deployed(REQUESTER, "staging", java.util.OptionalInt.empty(), java.util.Optional.of(Duration.ofMinutes(30)),
                    java.util.List.of(), NOW);
            assertThat(change.stagesPassed()).as("not while it soaks").isEmpty();
            assertThat(change.soakEnded("staging", LATER)).isPresent();
            assertThat(change.stagesPassed()).containsExactly("staging");

            var deployed = change.deployed(REQUESTER, "production", java.util.OptionalInt.empty(), java.util.Optional.empty(),
                    java.util.List.of("staging"), LATER);
            assertThat(deployed.environment()).isEqualTo("production");
            assertThat(change.stagesPassed()).containsExactly("staging", "production");
        }
    }
}
