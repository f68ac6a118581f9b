package dev.changebot.domain.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.policy.ApprovalSettings;
import dev.changebot.domain.policy.ApprovalStep;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An ordered approval chain")
class ApprovalChainTest {

    static final Instant T = Instant.parse("2026-03-03T10:00:00Z");
    static final String REQUESTER = "U_REQ";

    /** Seed 001's high-risk ladder, shortened: Backend Lead, then DBA Lead, then SRE Lead. */
    final ApprovalChain threeSteps = new ApprovalChain(List.of(
            new ApprovalStep("Backend Lead", Set.of("backend-lead"), 1),
            new ApprovalStep("DBA Lead", Set.of("dba-lead"), 1),
            new ApprovalStep("SRE Lead", Set.of("sre-lead"), 1)), ApprovalSettings.defaults());

    /** Seed 004's normal change: one step needing two distinct reviewers. */
    final ApprovalChain twoReviewers = new ApprovalChain(List.of(
            new ApprovalStep("2 reviewers", Set.of("reviewer"), 2)), ApprovalSettings.defaults());

    @Test
    void startsAtStepOne() {
        var progress = threeSteps.progress(List.of());

        assertThat(progress.current()).hasValueSatisfying(s -> assertThat(s.number()).isEqualTo(1));
        assertThat(progress.complete()).isFalse();
    }

    @Test
    void aMemberOfTheCurrentStepMayApprove() {
        assertThat(threeSteps.mayApprove(REQUESTER, List.of(), "U_BE", Set.of("backend-lead")).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("an approver of a later step who clicks early is told which step is awaited")
    void laterStepWaits() {
        var decision = threeSteps.mayApprove(REQUESTER, List.of(), "U_SRE", Set.of("sre-lead"));

        assertThat(decision).isEqualTo(Decision.refused(
                "Not yet: waiting for step 1 (Backend Lead) before step 3 (SRE Lead)."));
    }

    @Test
    void theRequesterMayNotApprove() {
        var decision = threeSteps.mayApprove(REQUESTER, List.of(), REQUESTER, Set.of("backend-lead"));

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.reason()).contains("You requested this change"));
    }

    @Test
    void theRequesterMayApproveWhenThePolicySaysSo() {
        var lenient = new ApprovalChain(List.of(new ApprovalStep("Review", Set.of("backend-lead"), 1)),
                new ApprovalSettings(true, true, "white_check_mark"));

        assertThat(lenient.mayApprove(REQUESTER, List.of(), REQUESTER, Set.of("backend-lead")).isAllowed()).isTrue();
    }

    @Test
    void someoneWithoutTheRoleIsToldWhichRoleIsNeeded() {
        var decision = threeSteps.mayApprove(REQUESTER, List.of(), "U_RANDOM", Set.of());

        assertThat(decision).isEqualTo(Decision.refused(
                "Step 1 (Backend Lead) needs backend-lead, and you do not hold that role."));
    }

    @Test
    @DisplayName("separation of duties: one person does not satisfy two steps")
    void onePersonPerStep() {
        var approvals = List.of(new StepApproval(1, "U_BOTH", T));

        var decision = threeSteps.mayApprove(REQUESTER, approvals, "U_BOTH", Set.of("backend-lead", "dba-lead"));

        assertThat(decision).isEqualTo(Decision.refused(
                "You approved step 1 (Backend Lead); the policy needs a different person for step 2 (DBA Lead)."));
    }

    @Test
    void stepsCompleteInOrder() {
        var approvals = List.of(new StepApproval(1, "U_BE", T), new StepApproval(2, "U_DBA", T),
                new StepApproval(3, "U_SRE", T));

        assertThat(threeSteps.progress(approvals).complete()).isTrue();
        assertThat(threeSteps.mayApprove(REQUESTER, approvals, "U_X", Set.of("sre-lead")))
                .isEqualTo(Decision.refused("Every approval step is already complete."));
    }

    @Test
    @DisplayName("N-of-M: a 2-reviewer step needs two distinct people")
    void twoOfMCountsDistinctPeople() {
        var one = List.of(new StepApproval(1, "U_A", T));

        assertThat(twoReviewers.progress(one).complete()).isFalse();
        assertThat(twoReviewers.mayApprove(REQUESTER, one, "U_A", Set.of("reviewer")))
                .isEqualTo(Decision.refused("You have already approved step 1 (2 reviewers); it needs 1 more approver."));
        assertThat(twoReviewers.mayApprove(REQUESTER, one, "U_B", Set.of("reviewer")).isAllowed()).isTrue();
        assertThat(twoReviewers.progress(List.of(one.get(0), new StepApproval(1, "U_B", T))).complete()).isTrue();
    }
}
