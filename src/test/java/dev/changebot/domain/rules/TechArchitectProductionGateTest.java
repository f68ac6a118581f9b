package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.policy.StageApprovalFixtures.SRE_LEAD;
import static dev.changebot.domain.policy.StageApprovalFixtures.TECH_ARCHITECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StageApprovalFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * chat-backend, High-Risk Deployment step 5: "Manual approval gate: Tech Architect approves production
 * deployment", after staging (step 3), before the rollout (step 6); and, for a rollout step, an
 * approval before "production 25%".
 */
@DisplayName("Manual approval gate: Tech Architect approves production deployment")
class TechArchitectProductionGateTest {

    static final Policy POLICY = StageApprovalFixtures.chatBackendLike();
    static final String ARCHITECT = "U_TARA";
    static final String SRE = "U_SAM";
    static final Instant SOAKED = NOW.plus(Duration.ofHours(3));

    final ChangeRules rules = new ChangeRules();

    static Change started(String changeClass) {
        return Acting.approvedAndStarted(changeIn(changeClass, ChangeState.PENDING_APPROVAL), POLICY, NOW);
    }

    Verdict deploy(Change change, int percent, Instant at) {
        return rules.decide(change, new ChangeCommand.ReportDeployment("production", OptionalInt.of(percent)),
                Actor.person(REQUESTER, Set.of()), Situation.at(POLICY, at));
    }

    static void act(Change change, ChangeCommand command, String userId, Set<String> roles, Instant at) {
        Acting.act(change, command, userId, roles, POLICY, at);
    }

    @Test
    @DisplayName("the rollout's first step waits for the Tech Architect's approval, given once staging is behind; later steps do not ask again")
    void firstRolloutStepWaits() {
        var change = started("high");
        act(change, new ChangeCommand.ReportDeployment("staging", OptionalInt.empty()), REQUESTER, Set.of(), NOW);
        act(change, new ChangeCommand.EndSoak("staging"), Actor.CHANGEBOT.userId(), Set.of(), SOAKED);

        assertThat(deploy(change, 5, SOAKED)).isEqualTo(new Verdict.Refused("CHG-1 needs Tech Architect production gate"
                + " by Tech Architect (@tech-architects) before production. Approve it on CHG-1's message, with the"
                + " approve reaction, or `/change approve CHG-1`."));

        act(change, new ChangeCommand.Approve(ApprovalVia.BUTTON), ARCHITECT, Set.of(TECH_ARCHITECT), SOAKED);
        assertThat(deploy(change, 5, SOAKED)).isInstanceOf(Verdict.Accepted.class);
        deploy(change, 5, SOAKED).events().forEach(change::apply);
        act(change, new ChangeCommand.EndSoak("production 5%"), Actor.CHANGEBOT.userId(), Set.of(), SOAKED.plus(Duration.ofHours(8)));
        assertThat(deploy(change, 25, SOAKED.plus(Duration.ofHours(8)))).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    @DisplayName("before \"production 25%\": due once the 5% step is out, and the 25% step waits for it")
    void beforeARolloutStep() {
        var change = started("canary");
        assertThat(rules.decide(change, new ChangeCommand.Approve(ApprovalVia.COMMAND), Actor.person(SRE, Set.of(SRE_LEAD)),
                Situation.at(POLICY, NOW))).isEqualTo(new Verdict.Refused("Not yet: SRE check of the 5% step before"
                + " production 25% comes due once CHG-1 is at production 5%."));

        deploy(change, 5, NOW).events().forEach(change::apply);
        var afterSoak = NOW.plus(Duration.ofHours(8));
        act(change, new ChangeCommand.EndSoak("production 5%"), Actor.CHANGEBOT.userId(), Set.of(), afterSoak);

        assertThat(deploy(change, 25, afterSoak)).isEqualTo(new Verdict.Refused("CHG-1 needs SRE check of the 5% step by"
                + " SRE Lead (@sre-leads) before production 25%. Approve it on CHG-1's message, with the approve"
                + " reaction, or `/change approve CHG-1`."));
        act(change, new ChangeCommand.Approve(ApprovalVia.COMMAND), SRE, Set.of(SRE_LEAD), afterSoak);
        assertThat(deploy(change, 25, afterSoak)).isInstanceOf(Verdict.Accepted.class);
    }
}
