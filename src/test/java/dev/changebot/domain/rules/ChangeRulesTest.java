package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.changeIn;
import static dev.changebot.domain.change.ChangeFixtures.pendingChange;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.PolicyFixtures;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the rules ask before they decide: whose roles to look up, what is wrong with a command itself, the calendar. */
@DisplayName("The rules of a change")
class ChangeRulesTest {

    final ChangeRules rules = new ChangeRules();

    static Stream<Arguments> everyCommand() {
        return Stream.of(
                Arguments.of(new ChangeCommand.Approve(dev.changebot.domain.change.ApprovalVia.COMMAND), true),
                Arguments.of(new ChangeCommand.Reject("No rollback tested", dev.changebot.domain.change.ApprovalVia.COMMAND), true),
                Arguments.of(new ChangeCommand.Start(Optional.empty()), true),
                Arguments.of(new ChangeCommand.Satisfy("retrospective", Map.of()), true),
                Arguments.of(new ChangeCommand.Revoke(), false),
                Arguments.of(new ChangeCommand.Cancel(), false),
                Arguments.of(new ChangeCommand.ReportDeployment("production", OptionalInt.empty()), false),
                Arguments.of(new ChangeCommand.Finish(ChangeState.COMPLETED), false),
                Arguments.of(new ChangeCommand.Resolve(), false),
                Arguments.of(new ChangeCommand.EndSoak("staging"), false),
                Arguments.of(new ChangeCommand.RemindFollowUp("retrospective"), false),
                Arguments.of(new ChangeCommand.FollowUpDue("retrospective"), false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyCommand")
    @DisplayName("look up a person's roles only for the commands that depend on them")
    void needsRoles(ChangeCommand command, boolean needed) {
        assertThat(rules.needsRoles(command)).isEqualTo(needed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    @DisplayName("find nothing wrong upfront with a well-formed command")
    void wellFormed(ChangeCommand command) {
        assertThat(rules.invalid(FIRST, command, PolicyFixtures.stagedDeployments())).isEmpty();
    }

    @Test
    @DisplayName("read what the calendar says now only to decide a start, and then once")
    void calendarReadOnlyForAStart() {
        var reads = new AtomicInteger();
        var policy = PolicyFixtures.oneReviewer();
        var situation = new Situation(policy, NOW, () -> {
            reads.incrementAndGet();
            return CalendarState.QUIET;
        }, Map.of());

        rules.decide(pendingChange(), new ChangeCommand.Approve(dev.changebot.domain.change.ApprovalVia.COMMAND), Actor.person(REVIEWER, REVIEWER_ROLES), situation);
        rules.decide(changeIn(ChangeState.IN_PROGRESS), new ChangeCommand.Finish(ChangeState.COMPLETED),
                Actor.person(REQUESTER, Set.of()), situation);
        assertThat(reads).hasValue(0);

        var start = new ChangeCommand.Start(Optional.empty());
        rules.decide(changeIn(ChangeState.APPROVED), start, Actor.person(REQUESTER, Set.of()), situation);
        rules.decide(changeIn(ChangeState.APPROVED), start, Actor.person(REQUESTER, Set.of()), situation);
        assertThat(reads).hasValue(1);
    }

    @Test
    @DisplayName("know who holds a role only as far as it was looked up")
    void roleMembers() {
        var situation = new Situation(PolicyFixtures.oneReviewer(), NOW, () -> CalendarState.QUIET,
                Map.of("reviewers", Set.of(REVIEWER)));

        assertThat(situation.membersOf("reviewers")).containsExactly(REVIEWER);
        assertThat(situation.membersOf("sre-lead")).isEmpty();
        assertThat(Actor.CHANGEBOT.roles()).as("Changebot holds no role").isEmpty();
    }
}
