package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.policy.PolicyFixtures.BACKEND_LEAD;
import static dev.changebot.domain.policy.PolicyFixtures.BOTH_LEADS;
import static dev.changebot.domain.policy.PolicyFixtures.EITHER_LEAD;
import static dev.changebot.domain.policy.PolicyFixtures.INCIDENT_COMMANDER;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWER_ROLES;
import static dev.changebot.domain.policy.PolicyFixtures.SRE_LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.ChangeOverrideSigned;
import dev.changebot.domain.change.ChangeEvent.ChangeStarted;
import dev.changebot.domain.change.ChangeEvent.ChangeStartedByOverride;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.PolicyException;
import dev.changebot.domain.policy.Override;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Starting an approved change: the calendar is checked again at that moment; inside a freeze or
 * outside a window only the policy's override roles may start it, with a written justification,
 * signed person by person when the override needs several roles.
 */
@DisplayName("Starting a change")
class StartRulesTest {

    /** Friday 6 March 2026, 17:00 UTC: inside the weekend freeze (Fri 16:00 → Mon 08:00). */
    static final Instant FRIDAY_EVENING = Instant.parse("2026-03-06T17:00:00Z");
    static final Instant TUESDAY_NOON = Instant.parse("2026-03-03T12:00:00Z");
    static final String FROZEN = "Blocked by the weekend freeze until Mon 08:00 UTC; the earliest compliant start for "
            + "a Normal change is Mon 08:00 UTC (2026-03-09 08:00 UTC).";
    static final String WHY = "Card captures failing for EU customers; fix cannot wait.";
    static final String BACKEND = "U_ERIN";
    static final String SRE = "U_SAM";

    final ChangeRules rules = new ChangeRules();
    final Change approved = changeIn(ChangeState.APPROVED);

    Verdict start(String userId, Set<String> roles, Optional<String> justification, Policy policy, Instant at) {
        return rules.decide(approved, new ChangeCommand.Start(justification), Actor.person(userId, roles),
                Situation.at(policy, at));
    }

    @Test
    @DisplayName("outside any freeze, by the requester or anyone holding a policy role, simply starts")
    void allowed() {
        var policy = PolicyFixtures.frozenOnWeekends(BOTH_LEADS);

        assertThat(start(REQUESTER, Set.of(), Optional.empty(), policy, TUESDAY_NOON))
                .isEqualTo(Verdict.Accepted.of(new ChangeStarted(FIRST, REQUESTER, TUESDAY_NOON)));
        assertThat(start(REVIEWER, REVIEWER_ROLES, Optional.of(WHY), policy, TUESDAY_NOON))
                .as("a justification nobody needs is not an override")
                .isEqualTo(Verdict.Accepted.of(new ChangeStarted(FIRST, REVIEWER, TUESDAY_NOON)));
        assertThat(start(SOMEONE_ELSE, Set.of(), Optional.empty(), policy, TUESDAY_NOON)).isEqualTo(new Verdict.Refused(
                "Only the requester of CHG-1 or someone holding a policy role can start it."));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ChangeState.class, names = {"PENDING_APPROVAL", "IN_PROGRESS", "COMPLETED", "CANCELLED"})
    @DisplayName("of a change that is not approved is refused")
    void notApproved(ChangeState state) {
        var verdict = rules.decide(changeIn(state), new ChangeCommand.Start(Optional.empty()),
                Actor.person(REQUESTER, Set.of()), Situation.at(PolicyFixtures.oneReviewer(), TUESDAY_NOON));

        assertThat(verdict).isEqualTo(new Verdict.Refused(
                "CHG-1 is " + state.label() + "; only an approved change can start."));
    }

    @Test
    @DisplayName("of a class the policy no longer has is refused")
    void classGone() {
        var verdict = rules.decide(changeIn("retired", ChangeState.APPROVED), new ChangeCommand.Start(Optional.empty()),
                Actor.person(REQUESTER, Set.of()), Situation.at(PolicyFixtures.oneReviewer(), TUESDAY_NOON));

        assertThat(verdict).isEqualTo(new Verdict.Refused("CHG-1's class is not in the current policy."));
    }

    @Test
    @DisplayName("inside a freeze, by someone who cannot override it, is refused with the reason, the next start and who may")
    void frozenForOthers() {
        var policy = PolicyFixtures.frozenOnWeekends(BOTH_LEADS);
        var refusal = new Verdict.Refused(FROZEN + " Overriding 'weekend' takes backend-lead and sre-lead together.");

        assertThat(start(REQUESTER, Set.of(), Optional.of(WHY), policy, FRIDAY_EVENING)).isEqualTo(refusal);
        assertThat(start(REVIEWER, REVIEWER_ROLES, Optional.of(WHY), policy, FRIDAY_EVENING)).isEqualTo(refusal);
        assertThat(approved.state()).isEqualTo(ChangeState.APPROVED);
    }

    @Test
    @DisplayName("inside a freeze, by someone who may override it, needs a written justification first")
    void frozenNeedsAJustification() {
        var policy = PolicyFixtures.frozenOnWeekends(EITHER_LEAD);

        for (var none : List.of(Optional.<String>empty(), Optional.of("   "))) {
            var verdict = start(BACKEND, Set.of(BACKEND_LEAD), none, policy, FRIDAY_EVENING);

            assertThat(verdict).isInstanceOfSatisfying(Verdict.NeedsJustification.class, needs -> {
                assertThat(needs.check().allowed()).isFalse();
                assertThat(needs.check().summary()).isEqualTo(FROZEN);
                assertThat(needs.check().blockingRules()).containsExactly("weekend");
            });
            assertThat(verdict.events()).isEmpty();
        }
    }

    @Test
    @DisplayName("inside a freeze, with a justification, by one person whose role suffices: started by override, audited")
    void overriddenByOne() {
        var policy = PolicyFixtures.frozenOnWeekends(EITHER_LEAD);

        var verdict = start("U_IC", Set.of(INCIDENT_COMMANDER), Optional.of("  " + WHY + "  "), policy, FRIDAY_EVENING);

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeStartedByOverride(FIRST, "U_IC", FRIDAY_EVENING, WHY,
                List.of("weekend"), List.of("U_IC"))));
        verdict.events().forEach(approved::apply);
        assertThat(approved.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(approved.exception()).contains(new PolicyException(List.of("U_IC"), FRIDAY_EVENING, WHY,
                List.of("weekend")));
    }

    @Test
    @DisplayName("an override of two roles together, by one person holding both, starts at once")
    void overriddenByOneHoldingBothRoles() {
        var verdict = start(BACKEND, Set.of(BACKEND_LEAD, SRE_LEAD), Optional.of(WHY),
                PolicyFixtures.frozenOnWeekends(BOTH_LEADS), FRIDAY_EVENING);

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ChangeStartedByOverride(FIRST, BACKEND, FRIDAY_EVENING, WHY,
                List.of("weekend"), List.of(BACKEND))));
    }

    @Test
    @DisplayName("an override of two roles together, signed by two people: the first waits for the second, whose start completes it")
    void overriddenByTwoSigners() {
        var policy = PolicyFixtures.frozenOnWeekends(BOTH_LEADS);
        var stillNeeded = "Overriding 'weekend' takes backend-lead and sre-lead together; still needed: sre-lead.";

        var first = start(BACKEND, Set.of(BACKEND_LEAD), Optional.of(WHY), policy, FRIDAY_EVENING);
        var signed = new ChangeOverrideSigned(FIRST, BACKEND, FRIDAY_EVENING, WHY, List.of("weekend"), List.of(BACKEND_LEAD));
        assertThat(first).isEqualTo(new Verdict.AwaitingSigners(signed, stillNeeded));
        assertThat(first.events()).as("the signature is recorded").containsExactly(signed);
        first.events().forEach(approved::apply);
        assertThat(approved.state()).isEqualTo(ChangeState.APPROVED);

        var waiting = new Verdict.Refused(FROZEN + " An override is signed by 1 so far. " + stillNeeded);
        assertThat(start(BACKEND, Set.of(BACKEND_LEAD), Optional.of(WHY), policy, FRIDAY_EVENING))
                .as("the same person cannot sign twice").isEqualTo(waiting);
        assertThat(start("U_FRANK", Set.of(BACKEND_LEAD), Optional.of(WHY), policy, FRIDAY_EVENING))
                .as("a second backend lead adds nothing").isEqualTo(waiting);

        var later = FRIDAY_EVENING.plusSeconds(600);
        var second = start(SRE, Set.of(SRE_LEAD), Optional.empty(), policy, later);
        assertThat(second).as("the first signer's justification stands for both").isEqualTo(Verdict.Accepted.of(
                new ChangeStartedByOverride(FIRST, SRE, later, WHY, List.of("weekend"), List.of(BACKEND, SRE))));
        second.events().forEach(approved::apply);
        assertThat(approved.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(approved.exception().orElseThrow().overriddenBy()).containsExactly(BACKEND, SRE);
    }

    @Test
    @DisplayName("inside a freeze nobody may override, is refused even with a justification")
    void unoverridable() {
        var verdict = start(BACKEND, Set.of(BACKEND_LEAD, SRE_LEAD), Optional.of(WHY),
                PolicyFixtures.frozenOnWeekends(Override.NOBODY), FRIDAY_EVENING);

        assertThat(verdict).isEqualTo(new Verdict.Refused(FROZEN + " Nobody may override 'weekend' under the policy."));
    }

    @Test
    @DisplayName("outside the class's windows: refused with the next window, overridden under the class's own override")
    void outsideItsWindows() {
        var policy = PolicyFixtures.businessHoursOnly(EITHER_LEAD);
        var mondayMorning = NOW;

        assertThat(start(REQUESTER, Set.of(), Optional.empty(), policy, mondayMorning)).isEqualTo(new Verdict.Refused(
                "Outside the allowed windows for a Normal change; the earliest window opens Mon 10:00 UTC "
                        + "(2026-03-02 10:00 UTC). Overriding 'business-hours' takes backend-lead or incident-commander."));
        assertThat(start("U_IC", Set.of(INCIDENT_COMMANDER), Optional.of(WHY), policy, mondayMorning)).isEqualTo(
                Verdict.Accepted.of(new ChangeStartedByOverride(FIRST, "U_IC", mondayMorning, WHY,
                        List.of("business-hours"), List.of("U_IC"))));
        assertThat(start(REQUESTER, Set.of(), Optional.empty(), policy, TUESDAY_NOON))
                .isEqualTo(Verdict.Accepted.of(new ChangeStarted(FIRST, REQUESTER, TUESDAY_NOON)));
    }
}
