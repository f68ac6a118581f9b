package dev.changebot.domain.change;

import static dev.changebot.domain.change.ChangeFixtures.COMMANDER;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.declaredEmergency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.domain.change.ChangeEvent.ChangeApproved;
import dev.changebot.domain.change.ChangeEvent.EmergencyResolved;
import dev.changebot.domain.change.ChangeEvent.ObligationOverdue;
import dev.changebot.domain.change.ChangeEvent.ObligationSatisfied;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the events of an emergency do to it: declared, resolved, its follow-ups met or missed. */
@DisplayName("An emergency change")
class EmergencyAftermathTest {

    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));
    static final Instant DUE = NOW.plus(Duration.ofHours(24));
    static final Obligation RETROSPECTIVE = Obligation.owed("retrospective", "Retrospective", DUE, Set.of(), true,
            List.of("link"));
    static final Obligation REPORT = Obligation.owed("report", "Incident report", DUE, Set.of(), false, List.of("link"));
    static final Map<String, String> ANSWERS = Map.of("link", "https://example.com/retro");

    final Change emergency = declaredEmergency(List.of(RETROSPECTIVE, REPORT), false);

    @Test
    @DisplayName("declared, is in progress at once, owing its follow-ups, with its incident commander")
    void declared() {
        var declared = Change.declare(FIRST, "T1", REQUESTER, COMMANDER, java.util.Optional.of("P1"), "C9", "emergency",
                ChangeFixtures.details(), List.of(RETROSPECTIVE), false, NOW);

        assertThat(declared.change().state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(declared.change().isEmergency()).isTrue();
        assertThat(declared.change().lifecycle()).isEqualTo(Lifecycle.EMERGENCY);
        assertThat(declared.change().incidentCommander()).contains(COMMANDER);
        assertThat(declared.change().emergency().orElseThrow().severity()).contains("P1");
        assertThat(declared.change().obligations()).containsExactly(RETROSPECTIVE);
        assertThat(declared.event()).isEqualTo(new ChangeEvent.EmergencyDeclared(FIRST, REQUESTER, NOW,
                "Upgrade payments-api to 2.4", COMMANDER));
    }

    @Test
    @DisplayName("whose class asks for approvals first, waits for them, then goes ahead without a start")
    void waitsForItsApprovals() {
        var waiting = declaredEmergency(List.of(RETROSPECTIVE), true);
        assertThat(waiting.state()).isEqualTo(ChangeState.PENDING_APPROVAL);

        waiting.apply(new ChangeApproved(FIRST, REVIEWER, LATER, 1, true, ApprovalVia.BUTTON, java.util.List.of()));

        assertThat(waiting.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(waiting.approvals()).containsExactly(new Approval(REVIEWER, LATER, 1));
    }

    @Test
    @DisplayName("resolved while it owes follow-ups, waits for them")
    void resolvedWithFollowUpsOwed() {
        emergency.apply(new EmergencyResolved(FIRST, COMMANDER, LATER));

        assertThat(emergency.state()).isEqualTo(ChangeState.FOLLOW_UPS_PENDING);
    }

    @Test
    @DisplayName("resolved owing nothing, or with every follow-up already met, is closed")
    void resolvedOwingNothing() {
        var owesNothing = declaredEmergency(List.of(), false);
        owesNothing.apply(new EmergencyResolved(FIRST, COMMANDER, LATER));
        assertThat(owesNothing.state()).isEqualTo(ChangeState.CLOSED);

        emergency.apply(new ObligationSatisfied(FIRST, REVIEWER, LATER, "retrospective", ANSWERS));
        emergency.apply(new ObligationSatisfied(FIRST, REQUESTER, LATER, "report", ANSWERS));
        assertThat(emergency.state()).as("met before the fix is in").isEqualTo(ChangeState.IN_PROGRESS);
        emergency.apply(new EmergencyResolved(FIRST, COMMANDER, LATER));
        assertThat(emergency.state()).isEqualTo(ChangeState.CLOSED);
    }

    @Test
    @DisplayName("a follow-up satisfied keeps who, when and the answers; the last one closes the emergency")
    void followUpsSatisfied() {
        emergency.apply(new EmergencyResolved(FIRST, COMMANDER, NOW));

        emergency.apply(new ObligationSatisfied(FIRST, SOMEONE_ELSE, LATER, "retrospective", ANSWERS));
        assertThat(emergency.state()).as("the report is still owed").isEqualTo(ChangeState.FOLLOW_UPS_PENDING);
        assertThat(emergency.obligations().get(0)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(Obligation.Status.SATISFIED);
            assertThat(o.isOpen()).isFalse();
            assertThat(o.satisfiedBy()).contains(SOMEONE_ELSE);
            assertThat(o.satisfiedAt()).contains(LATER);
            assertThat(o.answers()).isEqualTo(ANSWERS);
        });
        assertThat(emergency.obligations().get(1).isOpen()).isTrue();

        emergency.apply(new ObligationSatisfied(FIRST, REQUESTER, LATER, "report", ANSWERS));
        assertThat(emergency.state()).isEqualTo(ChangeState.CLOSED);
    }

    @Test
    @DisplayName("a follow-up overdue stays open with its original deadline, and makes a resolved emergency overdue until met")
    void followUpOverdue() {
        emergency.apply(new EmergencyResolved(FIRST, COMMANDER, NOW));

        emergency.apply(new ObligationOverdue(FIRST, "changebot", DUE.plusSeconds(5), "retrospective", DUE));

        assertThat(emergency.state()).isEqualTo(ChangeState.OVERDUE);
        assertThat(emergency.obligations().get(0)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(Obligation.Status.OVERDUE);
            assertThat(o.isOpen()).isTrue();
            assertThat(o.dueAt()).isEqualTo(DUE);
        });
        assertThat(emergency.pendingObligation("retrospective")).as("recorded once").isEmpty();
        assertThat(emergency.pendingObligation("report")).isPresent();

        emergency.apply(new ObligationOverdue(FIRST, "changebot", DUE.plusSeconds(5), "report", DUE));
        assertThat(emergency.state()).isEqualTo(ChangeState.OVERDUE);
        emergency.apply(new ObligationSatisfied(FIRST, SOMEONE_ELSE, DUE.plusSeconds(60), "retrospective", ANSWERS));
        assertThat(emergency.state()).isEqualTo(ChangeState.OVERDUE);
        emergency.apply(new ObligationSatisfied(FIRST, SOMEONE_ELSE, DUE.plusSeconds(60), "report", ANSWERS));
        assertThat(emergency.state()).isEqualTo(ChangeState.CLOSED);
    }

    @Test
    @DisplayName("a follow-up overdue before the fix is in is recorded; the emergency stays in progress")
    void overdueWhileInProgress() {
        emergency.apply(new ObligationOverdue(FIRST, "changebot", DUE, "retrospective", DUE));

        assertThat(emergency.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(emergency.obligations().get(0).status()).isEqualTo(Obligation.Status.OVERDUE);
    }

    @Test
    @DisplayName("resolved before its approvals are in is an illegal transition")
    void resolvedTooEarly() {
        var waiting = declaredEmergency(List.of(RETROSPECTIVE), true);

        assertThatThrownBy(() -> waiting.apply(new EmergencyResolved(FIRST, COMMANDER, LATER)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("CHG-1 cannot move from pending approval to resolved");
        assertThat(waiting.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
    }
}
