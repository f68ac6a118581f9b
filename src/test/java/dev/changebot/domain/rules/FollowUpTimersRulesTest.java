package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.policy.PolicyFixtures.REVIEWER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent.ObligationOverdue;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.notice.WhoIsTold;
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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A follow-up's timers ring: its reminder tells the people who can meet it (nothing is recorded);
 * its deadline records it overdue, once, with the original due time. Either does nothing when the
 * follow-up was met or the emergency never went ahead.
 */
@DisplayName("A follow-up's timers")
class FollowUpTimersRulesTest {

    static final Policy POLICY = PolicyFixtures.withEmergency(List.of());
    /** The retrospective is due 24 hours after the declaration. */
    static final Instant DUE = NOW.plus(Duration.ofHours(24));
    static final Instant LATE = DUE.plusSeconds(5);

    final ChangeRules rules = new ChangeRules();

    Verdict ring(Change change, ChangeCommand command, Policy policy) {
        return rules.decide(change, command, Actor.CHANGEBOT, Situation.at(policy, LATE));
    }

    static Change resolved() {
        var emergency = Acting.declared(POLICY, Optional.empty());
        Acting.act(emergency, new ChangeCommand.Resolve(), REQUESTER, Set.of(), POLICY, NOW);
        return emergency;
    }

    @Test
    @DisplayName("the reminder of a follow-up still owed is accepted and records nothing")
    void reminderOfAnOpenFollowUp() {
        var emergency = resolved();

        var verdict = ring(emergency, new ChangeCommand.RemindFollowUp("retrospective"), POLICY);

        assertThat(verdict).isEqualTo(Verdict.Accepted.telling(
                WhoIsTold.followUpReminder(emergency, emergency.obligations().get(0), java.util.Map.of())));
        assertThat(verdict.events()).isEmpty();
        assertThat(((Verdict.Accepted) verdict).notices()).as("those who owe it are told").isNotEmpty();
        assertThat(emergency.state()).isEqualTo(ChangeState.FOLLOW_UPS_PENDING);
    }

    @Test
    @DisplayName("the deadline of a follow-up still owed records it overdue with its original due time; the emergency is overdue")
    void deadlineMissed() {
        var emergency = resolved();

        var verdict = ring(emergency, new ChangeCommand.FollowUpDue("retrospective"), POLICY);

        assertThat(verdict).isEqualTo(Verdict.Accepted.of(new ObligationOverdue(FIRST, "changebot", LATE, "retrospective",
                DUE)));
        verdict.events().forEach(emergency::apply);
        assertThat(emergency.state()).isEqualTo(ChangeState.OVERDUE);
        assertThat(emergency.obligations().get(0).status()).isEqualTo(Obligation.Status.OVERDUE);
        assertThat(ring(emergency, new ChangeCommand.FollowUpDue("retrospective"), POLICY)).as("a second ring")
                .isEqualTo(new Verdict.Ignored("nothing to do: already overdue"));
        assertThat(ring(emergency, new ChangeCommand.RemindFollowUp("retrospective"), POLICY))
                .as("overdue is still owed").isEqualTo(Verdict.Accepted.telling(
                        WhoIsTold.followUpReminder(emergency, emergency.obligations().get(0), java.util.Map.of())));
    }

    @Test
    @DisplayName("a deadline missed before the fix is in is recorded too; the emergency stays in progress")
    void deadlineMissedWhileInProgress() {
        var emergency = Acting.declared(POLICY, Optional.empty());

        ring(emergency, new ChangeCommand.FollowUpDue("retrospective"), POLICY).events().forEach(emergency::apply);

        assertThat(emergency.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(emergency.obligations().get(0).status()).isEqualTo(Obligation.Status.OVERDUE);
    }

    static Stream<Arguments> nothingToDo() {
        var withApproval = PolicyFixtures.withEmergency(List.of(new ApprovalStep("Reviewer", REVIEWER_ROLES, 1)));
        Consumer<Change> satisfied = c -> Acting.act(c, new ChangeCommand.Satisfy("retrospective", Map.of()), REVIEWER,
                Set.of(), POLICY, NOW);
        Consumer<Change> rejected = c -> Acting.act(c, new ChangeCommand.Reject("Too broad", dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, REVIEWER_ROLES,
                withApproval, NOW);
        Consumer<Change> cancelled = c -> Acting.act(c, new ChangeCommand.Cancel(), REQUESTER, Set.of(), withApproval, NOW);
        var gone = "nothing to do: the emergency did not go ahead";
        return Stream.of(
                Arguments.of("satisfied", POLICY, satisfied, "RemindFollowUp", "nothing to do: already satisfied"),
                Arguments.of("satisfied", POLICY, satisfied, "FollowUpDue", "nothing to do: already satisfied"),
                Arguments.of("rejected", withApproval, rejected, "RemindFollowUp", gone),
                Arguments.of("rejected", withApproval, rejected, "FollowUpDue", gone),
                Arguments.of("cancelled", withApproval, cancelled, "RemindFollowUp", gone),
                Arguments.of("cancelled", withApproval, cancelled, "FollowUpDue", gone));
    }

    @ParameterizedTest(name = "{3} once {0}: \"{4}\"")
    @MethodSource("nothingToDo")
    @DisplayName("ringing for a follow-up met, or for an emergency that never went ahead, is ignored")
    void ignored(String what, Policy policy, Consumer<Change> happened, String timer, String why) {
        var emergency = Acting.declared(policy, Optional.empty());
        happened.accept(emergency);
        var command = timer.equals("FollowUpDue") ? new ChangeCommand.FollowUpDue("retrospective")
                : new ChangeCommand.RemindFollowUp("retrospective");

        assertThat(ring(emergency, command, policy)).isEqualTo(new Verdict.Ignored(why));
    }
}
