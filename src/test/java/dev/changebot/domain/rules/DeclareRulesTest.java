package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.policy.PolicyFixtures.BACKEND_LEAD;
import static dev.changebot.domain.policy.PolicyFixtures.INCIDENT_COMMANDER;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
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

/** Who may declare an emergency, and what a declared emergency owes afterwards, by its severity. */
@DisplayName("Declaring an emergency")
class DeclareRulesTest {

    /** Owes a retrospective in 24 h, a follow-up PR in 5 business days, an executive report in 2 for P0 and security. */
    static final Policy POLICY = PolicyFixtures.withEmergency(List.of());
    static final Instant RETROSPECTIVE_DUE = Instant.parse("2026-03-03T09:00:00Z");
    static final Instant PR_DUE = Instant.parse("2026-03-09T09:00:00Z");
    static final Instant REPORT_DUE = Instant.parse("2026-03-04T09:00:00Z");

    final ChangeRules rules = new ChangeRules();

    @Test
    @DisplayName("is for the emergency class's declarers only")
    void declarers() {
        assertThat(rules.mayDeclare(Actor.person(REQUESTER, Set.of(INCIDENT_COMMANDER)), POLICY)).isEqualTo(Decision.ALLOWED);
        assertThat(rules.mayDeclare(Actor.person(REQUESTER, Set.of(REVIEWERS)), POLICY)).isEqualTo(
                Decision.refused("Only incident-commander may declare an emergency change."));
        assertThat(rules.mayDeclare(Actor.person(REQUESTER, Set.of()), PolicyFixtures.emergencyDeclaredBy(
                Set.of(INCIDENT_COMMANDER, BACKEND_LEAD)))).isEqualTo(
                Decision.refused("Only backend-lead or incident-commander may declare an emergency change."));
    }

    @Test
    @DisplayName("is open to anyone when the class names no declarers")
    void anyone() {
        assertThat(rules.mayDeclare(Actor.person(REQUESTER, Set.of()), PolicyFixtures.emergencyDeclaredBy(Set.of())))
                .isEqualTo(Decision.ALLOWED);
    }

    @Test
    @DisplayName("is refused where the policy has no emergency class")
    void noEmergencyClass() {
        assertThat(rules.mayDeclare(Actor.person(REQUESTER, Set.of(INCIDENT_COMMANDER)), PolicyFixtures.oneReviewer()))
                .isEqualTo(Decision.refused("This policy has no emergency class (emergency: true)."));
    }

    static Stream<Arguments> bySeverity() {
        var all = List.of("retrospective", "follow-up-pr", "executive-report");
        var noReport = List.of("retrospective", "follow-up-pr");
        return Stream.of(
                Arguments.of(Optional.empty(), all),
                Arguments.of(Optional.of("P0"), all),
                Arguments.of(Optional.of("p0"), all),
                Arguments.of(Optional.of("security"), all),
                Arguments.of(Optional.of("P1"), noReport),
                Arguments.of(Optional.of("SEV2"), noReport));
    }

    @ParameterizedTest(name = "severity {0}: {1}")
    @MethodSource("bySeverity")
    @DisplayName("owes the class's follow-ups for its severity (all of them when none is given)")
    void obligationsBySeverity(Optional<String> severity, List<String> owed) {
        var obligations = rules.obligations(POLICY.emergencyClass().orElseThrow(), severity, NOW, POLICY);

        assertThat(obligations).extracting(Obligation::name).containsExactlyElementsOf(owed);
    }

    @Test
    @DisplayName("owes each follow-up from the declaration: its deadline in hours or business days, its roles and questions")
    void obligationsInFull() {
        var obligations = rules.obligations(POLICY.emergencyClass().orElseThrow(), Optional.empty(), NOW, POLICY);

        assertThat(obligations).containsExactly(
                Obligation.owed("retrospective", "Retrospective", RETROSPECTIVE_DUE, Set.of(), true,
                        List.of("what_changed", "link")),
                Obligation.owed("follow-up-pr", "Follow-up PR with tests", PR_DUE, Set.of(BACKEND_LEAD), false,
                        List.of("link")),
                Obligation.owed("executive-report", "Executive report", REPORT_DUE, Set.of(), false,
                        List.of("what_changed", "link")));
        assertThat(obligations).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(Obligation.Status.PENDING);
            assertThat(o.satisfiedBy()).isEmpty();
            assertThat(o.answers()).isEqualTo(Map.of());
        });
    }

    @Test
    @DisplayName("from a Friday, business days skip the weekend")
    void businessDaysSkipTheWeekend() {
        var friday = Instant.parse("2026-03-06T15:00:00Z");

        var obligations = rules.obligations(POLICY.emergencyClass().orElseThrow(), Optional.of("P0"), friday, POLICY);

        assertThat(obligations).extracting(Obligation::dueAt).containsExactly(Instant.parse("2026-03-07T15:00:00Z"),
                Instant.parse("2026-03-13T15:00:00Z"), Instant.parse("2026-03-10T15:00:00Z"));
    }
}
