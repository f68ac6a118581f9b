package dev.changebot.domain.approval;

import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.change.ChangeFixtures.pendingChange;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Approval;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeFixtures;
import dev.changebot.domain.change.ChangeState;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Anyone but the requester")
class AnyoneButTheRequesterTest {

    final ApprovalRule rule = new AnyoneButTheRequester();

    @Test
    @DisplayName("refuses the requester's own approval, naming the change")
    void refusesTheRequester() {
        var decision = rule.mayApprove(pendingChange(), REQUESTER);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused ->
                assertThat(refused.reason()).contains("CHG-1").contains("someone else"));
    }

    @Test
    @DisplayName("lets anyone else approve")
    void allowsAReviewer() {
        assertThat(rule.mayApprove(pendingChange(), REVIEWER)).isEqualTo(Decision.ALLOWED);
    }

    @Test
    @DisplayName("refuses a second approval by the same person")
    void refusesASecondApprovalBySamePerson() {
        var change = pendingWithApprovalsFrom(REVIEWER);

        assertThat(rule.mayApprove(change, REVIEWER))
                .isEqualTo(Decision.refused("You have already approved CHG-1."));
    }

    @ParameterizedTest
    @EnumSource(value = ChangeState.class, names = "PENDING_APPROVAL", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("refuses to approve a change that is no longer pending")
    void refusesNonPending(ChangeState state) {
        var decision = rule.mayApprove(changeIn(state), REVIEWER);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused ->
                assertThat(refused.reason()).startsWith("CHG-1 is " + state.label()));
    }

    @Test
    @DisplayName("tells the requester to cancel rather than reject their own change")
    void sendsTheRequesterToCancel() {
        var decision = rule.mayReject(pendingChange(), REQUESTER);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused ->
                assertThat(refused.reason()).contains("`/change cancel CHG-1`"));
    }

    @Test
    @DisplayName("lets anyone else reject")
    void allowsOthersToReject() {
        assertThat(rule.mayReject(pendingChange(), REVIEWER).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("refuses to reject a change that is no longer pending")
    void refusesToRejectNonPending() {
        assertThat(rule.mayReject(changeIn(ChangeState.APPROVED), REVIEWER).isAllowed()).isFalse();
    }

    @Test
    @DisplayName("is not satisfied before anyone approves")
    void notSatisfiedWithoutApprovals() {
        assertThat(rule.isSatisfied(pendingChange())).isFalse();
    }

    @Test
    @DisplayName("is satisfied by one approval from someone other than the requester")
    void satisfiedByOneReviewer() {
        assertThat(rule.isSatisfied(pendingWithApprovalsFrom(SOMEONE_ELSE))).isTrue();
    }

    @Test
    @DisplayName("is not satisfied by the requester's own approval, however it got there")
    void notSatisfiedByTheRequester() {
        assertThat(rule.isSatisfied(pendingWithApprovalsFrom(REQUESTER))).isFalse();
    }

    private static Change pendingWithApprovalsFrom(String approver) {
        return Change.restore(ChangeFixtures.FIRST, ChangeFixtures.WORKSPACE, REQUESTER, ChangeFixtures.CHANNEL,
                ChangeFixtures.details(), NOW, ChangeState.PENDING_APPROVAL, List.of(new Approval(approver, NOW)),
                null, null);
    }
}
