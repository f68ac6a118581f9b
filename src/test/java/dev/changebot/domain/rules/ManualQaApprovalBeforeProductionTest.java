package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.policy.StageApprovalFixtures.QA;
import static dev.changebot.domain.policy.StageApprovalFixtures.THUMBS_UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.approval.StageApprovals;
import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.StageApprovalRevoked;
import dev.changebot.domain.change.ChangeEvent.StageApproved;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
import dev.changebot.domain.policy.StageApprovalFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * chat-backend, Standard Deployment step 5: "Manual QA approval via Slack reaction (👍) or CLI
 * command", between staging (step 3, with its soak) and production (step 6).
 */
@DisplayName("Manual QA approval via Slack reaction (👍) or CLI command, between staging and production")
class ManualQaApprovalBeforeProductionTest {

    static final Policy POLICY = StageApprovalFixtures.chatBackendLike();
    static final String QA_ENGINEER = "U_QUINN";
    static final Instant IN_STAGING = NOW.plus(Duration.ofMinutes(10));
    static final Instant SOAKED = IN_STAGING.plus(Duration.ofHours(2));

    final ChangeRules rules = new ChangeRules();

    static Change started() {
        return Acting.approvedAndStarted(changeIn("medium", ChangeState.PENDING_APPROVAL), POLICY, NOW);
    }

    static Change inStaging() {
        var change = started();
        Acting.act(change, new ChangeCommand.ReportDeployment("staging", OptionalInt.empty()), REQUESTER, Set.of(), POLICY,
                IN_STAGING);
        return change;
    }

    Verdict decide(Change change, ChangeCommand command, String userId, Set<String> roles, Instant at) {
        return rules.decide(change, command, Actor.person(userId, roles), Situation.at(POLICY, at));
    }

    Verdict deployProduction(Change change, Instant at) {
        return decide(change, new ChangeCommand.ReportDeployment("production", OptionalInt.empty()), REQUESTER, Set.of(), at);
    }

    @Test
    @DisplayName("it comes due once the change is in staging: asked earlier, QA is told it is not yet due")
    void dueOnceInStaging() {
        var change = started();

        assertThat(decide(change, new ChangeCommand.Approve(ApprovalVia.COMMAND), QA_ENGINEER, Set.of(QA), NOW))
                .isEqualTo(new Verdict.Refused("Not yet: Manual QA approval before production comes due once CHG-1 is in"
                        + " staging."));
        assertThat(StageApprovals.waiting(POLICY, change)).isEmpty();

        Acting.act(change, new ChangeCommand.ReportDeployment("staging", OptionalInt.empty()), REQUESTER, Set.of(), POLICY,
                IN_STAGING);
        assertThat(change.state()).as("QA checks the build while it soaks in staging").isEqualTo(ChangeState.SOAKING);
        assertThat(StageApprovals.waiting(POLICY, change)).extracting(s -> s.approval().step())
                .containsExactly("Manual QA approval");
        assertThat(decide(change, new ChangeCommand.Approve(ApprovalVia.COMMAND), QA_ENGINEER, Set.of(QA), IN_STAGING)
                .events()).containsExactly(new StageApproved(change.id(), QA_ENGINEER, IN_STAGING, "production",
                "Manual QA approval", ApprovalVia.COMMAND, List.of(QA), true));
    }

    @Test
    @DisplayName("`/change deployed CHG-n production` is refused until QA approved, naming who must approve")
    void productionWaitsForQa() {
        var change = inStaging();
        Acting.act(change, new ChangeCommand.EndSoak("staging"), Actor.CHANGEBOT.userId(), Set.of(), POLICY, SOAKED);

        assertThat(deployProduction(change, SOAKED)).isEqualTo(new Verdict.Refused("CHG-1 needs Manual QA approval by"
                + " QA (@qa) before production. Approve it on CHG-1's message, with the approve reaction, or"
                + " `/change approve CHG-1`."));

        Acting.act(change, new ChangeCommand.Approve(ApprovalVia.COMMAND), QA_ENGINEER, Set.of(QA), POLICY, SOAKED);
        assertThat(deployProduction(change, SOAKED)).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    @DisplayName("the thread is told the staging soak is over with production next once QA approves, not that production is allowed")
    void soakEndNoticeNamesTheApproval() {
        var change = inStaging();
        var soaked = Acting.act(change, new ChangeCommand.EndSoak("staging"), Actor.CHANGEBOT.userId(), Set.of(), POLICY,
                SOAKED).events().get(0);

        assertThat(dev.changebot.domain.notice.WhoIsTold.after(change, soaked, POLICY, java.util.Map.of()))
                .singleElement().satisfies(notice -> assertThat(notice.facts()).isEqualTo(
                        new dev.changebot.domain.notice.NoticeFacts.SoakCompleted("staging", Optional.of(
                                new dev.changebot.domain.policy.DeploymentPlan.NextDeployment("production",
                                        OptionalInt.empty())), List.of("Manual QA approval"))));
    }

    @Test
    @DisplayName("the 👍 reaction gives it, another reaction does not, and removing 👍 before production withdraws it")
    void byReaction() {
        var change = inStaging();

        assertThat(decide(change, ChangeCommand.Approve.byReaction("white_check_mark"), QA_ENGINEER, Set.of(QA), IN_STAGING))
                .isEqualTo(new Verdict.Refused(":white_check_mark: does not give Manual QA approval before production;"
                        + " react with :+1: instead."));
        var given = Acting.act(change, ChangeCommand.Approve.byReaction(THUMBS_UP), QA_ENGINEER, Set.of(QA), POLICY, IN_STAGING);
        assertThat(((StageApproved) given.events().get(0)).via()).isEqualTo(ApprovalVia.REACTION);
        assertThat(change.stageSignoffs()).singleElement().satisfies(s -> assertThat(s.approverId()).isEqualTo(QA_ENGINEER));

        var withdrawn = Acting.act(change, new ChangeCommand.Revoke(Optional.of(THUMBS_UP)), QA_ENGINEER, Set.of(), POLICY,
                IN_STAGING.plusSeconds(60));
        assertThat(withdrawn.events()).containsExactly(new StageApprovalRevoked(change.id(), QA_ENGINEER,
                IN_STAGING.plusSeconds(60), "production", "Manual QA approval"));
        assertThat(change.stageSignoffs()).isEmpty();
    }

    @Test
    @DisplayName("once production is deployed the approval stands: removing the reaction withdraws nothing")
    void standsOnceProductionIsReached() {
        var change = inStaging();
        Acting.act(change, ChangeCommand.Approve.byReaction(THUMBS_UP), QA_ENGINEER, Set.of(QA), POLICY, IN_STAGING);
        Acting.act(change, new ChangeCommand.EndSoak("staging"), Actor.CHANGEBOT.userId(), Set.of(), POLICY, SOAKED);
        Acting.act(change, new ChangeCommand.ReportDeployment("production", OptionalInt.empty()), REQUESTER, Set.of(),
                POLICY, SOAKED);

        assertThat(decide(change, new ChangeCommand.Revoke(Optional.of(THUMBS_UP)), QA_ENGINEER, Set.of(), SOAKED))
                .isInstanceOf(Verdict.Refused.class);
        assertThat(change.stageSignoffs()).hasSize(1);
    }

    @Test
    @DisplayName("the requester, someone without the QA role, or QA twice cannot give it")
    void provenance() {
        var change = inStaging();

        assertThat(decide(change, new ChangeCommand.Approve(ApprovalVia.BUTTON), REQUESTER, Set.of(QA), IN_STAGING))
                .isEqualTo(new Verdict.Refused("You requested CHG-1, so you cannot approve Manual QA approval before"
                        + " production: the policy needs someone else."));
        assertThat(decide(change, new ChangeCommand.Approve(ApprovalVia.BUTTON), REVIEWER, PolicyFixtures.REVIEWER_ROLES,
                IN_STAGING)).isEqualTo(new Verdict.Refused("Needs Manual QA approval by QA (@qa) before production."));
        Acting.act(change, new ChangeCommand.Approve(ApprovalVia.BUTTON), QA_ENGINEER, Set.of(QA), POLICY, IN_STAGING);
        assertThat(decide(change, new ChangeCommand.Approve(ApprovalVia.BUTTON), QA_ENGINEER, Set.of(QA), IN_STAGING))
                .isEqualTo(new Verdict.Refused("CHG-1 is soaking; there is nothing left to approve."));
    }

    @Test
    @DisplayName("👍 on a change still waiting for its review approves nothing: the review takes the policy's approve reaction")
    void thumbsUpIsNotTheReview() {
        var change = changeIn("medium", ChangeState.PENDING_APPROVAL);

        assertThat(decide(change, ChangeCommand.Approve.byReaction(THUMBS_UP), REVIEWER, PolicyFixtures.REVIEWER_ROLES, NOW))
                .isEqualTo(new Verdict.Refused(":+1: approves CHG-1 only during its deployment; before the work starts,"
                        + " approve with :white_check_mark: or the Approve button."));
        assertThat(change.approvals()).isEmpty();
    }
}
