package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.COMMANDER;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.change.ChangeFixtures.declaredEmergency;
import static dev.changebot.domain.policy.PolicyFixtures.BACKEND_LEAD;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWERS;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWER_ROLES;
import static dev.changebot.domain.policy.PolicyFixtures.SRE_LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.ObligationSatisfied;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.policy.ApprovalStep;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Meeting a follow-up an emergency owes: where the policy says "not the declarer", by someone
 * independent of the decision (not the declarer, not the commander, not who approved it before it
 * went ahead); by someone holding the follow-up's roles, if it names any; once.
 */
@DisplayName("Satisfying a follow-up")
class SatisfyRulesTest {

    /** Owes a retrospective (not by the declarer), a follow-up PR (by a backend lead), an executive report (anyone). */
    static final Policy POLICY = PolicyFixtures.withEmergency(List.of());
    static final Instant LATER = NOW.plus(Duration.ofHours(2));
    static final Map<String, String> ANSWERS = Map.of("link", "https://github.com/org/repo/pull/42");

    final ChangeRules rules = new ChangeRules();
    final Change emergency = resolved(POLICY);

    static Change resolved(Policy policy) {
        var emergency = Acting.declared(policy, Optional.empty());
        Acting.act(emergency, new ChangeCommand.Resolve(), REQUESTER, Set.of(), policy, NOW);
        return emergency;
    }

    Verdict satisfy(Change change, String obligation, String userId, Set<String> roles, Policy policy) {
        return rules.decide(change, new ChangeCommand.Satisfy(obligation, ANSWERS), Actor.person(userId, roles),
                Situation.at(policy, LATER));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("retrospective", REVIEWER, Set.of(), null),
                Arguments.of("retrospective", REQUESTER, Set.of(),
                        "You declared CHG-1, so its Retrospective must come from someone else."),
                Arguments.of("retrospective", COMMANDER, REVIEWER_ROLES,
                        "You declared CHG-1, so its Retrospective must come from someone else."),
                Arguments.of("follow-up-pr", SOMEONE_ELSE, Set.of(BACKEND_LEAD), null),
                Arguments.of("follow-up-pr", REQUESTER, Set.of(BACKEND_LEAD), null),
                Arguments.of("follow-up-pr", REVIEWER, Set.of(REVIEWERS, SRE_LEAD),
                        "Follow-up PR with tests of CHG-1 takes backend-lead."),
                Arguments.of("executive-report", REQUESTER, Set.of(), null),
                Arguments.of("post-mortem", REVIEWER, Set.of(), "CHG-1 owes no 'post-mortem'."));
    }

    @ParameterizedTest(name = "{0} by {1} holding {2}: {3}")
    @MethodSource("table")
    @DisplayName("is accepted from the right person, else refused in their words")
    void whoMaySatisfy(String obligation, String userId, Set<String> roles, String refusal) {
        var verdict = satisfy(emergency, obligation, userId, roles, POLICY);

        if (refusal == null) {
            assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ObligationSatisfied(FIRST, userId, LATER, obligation,
                    ANSWERS)));
        } else {
            assertThat(verdict).isEqualTo(new Verdict.Refused(refusal));
        }
    }

    @Test
    @DisplayName("satisfied, the follow-up keeps who, when and the answers; a second time is refused: it is done")
    void once() {
        var verdict = satisfy(emergency, "retrospective", REVIEWER, Set.of(), POLICY);
        verdict.events().forEach(emergency::apply);

        assertThat(emergency.obligations()).filteredOn(o -> o.name().equals("retrospective")).singleElement()
                .satisfies(o -> {
                    assertThat(o.status()).isEqualTo(Obligation.Status.SATISFIED);
                    assertThat(o.satisfiedBy()).contains(REVIEWER);
                    assertThat(o.answers()).isEqualTo(ANSWERS);
                });
        assertThat(emergency.state()).isEqualTo(ChangeState.FOLLOW_UPS_PENDING);
        assertThat(satisfy(emergency, "retrospective", SOMEONE_ELSE, Set.of(), POLICY)).isEqualTo(
                new Verdict.Refused("Retrospective of CHG-1 is already done."));
    }

    @Test
    @DisplayName("the last one owed closes the emergency")
    void lastOneCloses() {
        for (var owed : List.of("retrospective", "follow-up-pr", "executive-report")) {
            satisfy(emergency, owed, SOMEONE_ELSE, Set.of(BACKEND_LEAD), POLICY).events().forEach(emergency::apply);
        }

        assertThat(emergency.state()).isEqualTo(ChangeState.CLOSED);
    }

    @Test
    @DisplayName("where not by the declarer, not by whoever approved the emergency before it went ahead either")
    void notByItsApprover() {
        var policy = PolicyFixtures.withEmergency(List.of(new ApprovalStep("Reviewer", REVIEWER_ROLES, 1)));
        var approved = Acting.declared(policy, Optional.empty());
        Acting.act(approved, new ChangeCommand.Approve(dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, REVIEWER_ROLES, policy, NOW);

        assertThat(satisfy(approved, "retrospective", REVIEWER, REVIEWER_ROLES, policy)).isEqualTo(new Verdict.Refused(
                "You approved CHG-1 before it went ahead, so its Retrospective must come from someone else."));
        assertThat(satisfy(approved, "follow-up-pr", REVIEWER, Set.of(BACKEND_LEAD), policy))
                .as("a follow-up open to the declarer is open to the approver too").isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    @DisplayName("names every role that may meet it, in order")
    void severalRoles() {
        var owed = Obligation.owed("sign-off", "Sign-off", LATER, Set.of(SRE_LEAD, BACKEND_LEAD), false, List.of());
        var change = declaredEmergency(List.of(owed), false);

        assertThat(satisfy(change, "sign-off", REVIEWER, Set.of(), POLICY)).isEqualTo(new Verdict.Refused(
                "Sign-off of CHG-1 takes backend-lead or sre-lead."));
        assertThat(satisfy(change, "sign-off", REVIEWER, Set.of(SRE_LEAD), POLICY)).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    @DisplayName("of a change that is not an emergency is refused: it owes nothing")
    void notAnEmergency() {
        assertThat(satisfy(changeIn(ChangeState.COMPLETED), "retrospective", REVIEWER, Set.of(), POLICY)).isEqualTo(
                new Verdict.Refused("CHG-1 owes no follow-ups."));
    }
}
