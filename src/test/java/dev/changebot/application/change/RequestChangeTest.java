package dev.changebot.application.change;

import dev.changebot.application.DirectTransactions;
import dev.changebot.application.InMemoryChanges;
import dev.changebot.application.InMemoryTimers;
import dev.changebot.application.NobodyHoldsRoles;
import dev.changebot.application.RecordingAnnouncer;
import dev.changebot.application.RecordingNotices;
import static dev.changebot.domain.change.ChangeFixtures.CHANNEL;
import static dev.changebot.domain.change.ChangeFixtures.CLOCK;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static dev.changebot.domain.change.ChangeFixtures.details;
import static dev.changebot.domain.change.ChangeFixtures.detailsTitled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.change.RequestChange.Outcome;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeEvent.ChangeRequested;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.FieldProblem;
import dev.changebot.domain.policy.PolicyFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Requesting a change")
class RequestChangeTest {

    final DirectTransactions transactions = new DirectTransactions();
    final InMemoryChanges changes = new InMemoryChanges(transactions);
    final RecordingAnnouncer announcer = new RecordingAnnouncer(transactions);
    final InMemoryTimers timers = new InMemoryTimers();
    final ChangeService service = new ChangeService(changes, transactions, announcer, timers, timers, new RecordingNotices(),
            new NobodyHoldsRoles(), (workspace, now) -> dev.changebot.domain.policy.CalendarState.QUIET,
            new dev.changebot.domain.rules.ChangeRules(), PolicyFixtures.oneReviewer(), CLOCK);
    final RequestChange requestChange = new RequestChange(changes, transactions, service, CLOCK, PolicyFixtures.oneReviewer(),
            (workspace, now) -> dev.changebot.domain.policy.CalendarState.QUIET);

    @Test
    @DisplayName("with something missing says what, and stores and posts nothing")
    void invalidDetailsAreRefusedWholesale() {
        var outcome = requestChange.request(fromAlice(detailsTitled(" ")));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Invalid.class, invalid ->
                assertThat(invalid.problems()).extracting(FieldProblem::field).containsExactly(ChangeField.TITLE));
        assertThat(changes.writes()).isEmpty();
        assertThat(announcer.calls()).isEmpty();
    }

    @Test
    @DisplayName("gives the first change of the workspace CHG-1, waiting for approval")
    void firstChangeIsChg1() {
        var change = requested(requestChange.request(fromAlice(details())));

        assertThat(change.id()).isEqualTo(new ChangeId(1));
        assertThat(change.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(change.requesterId()).isEqualTo(REQUESTER);
        assertThat(change.requestedAt()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("numbers the next change CHG-2")
    void nextChangeIsChg2() {
        requestChange.request(fromAlice(details()));

        var second = requested(requestChange.request(fromAlice(detailsTitled("Rotate TLS certificates"))));

        assertThat(second.id()).isEqualTo(new ChangeId(2));
    }

    @Test
    @DisplayName("stores the change with its ChangeRequested event, in one transaction")
    void storesTheChangeWithItsEvent() {
        requestChange.request(fromAlice(details()));

        assertThat(changes.events()).containsExactly(
                new ChangeRequested(new ChangeId(1), REQUESTER, NOW, "Upgrade payments-api to 2.4"));
        assertThat(changes.writes()).allMatch(InMemoryChanges.Write::inTransaction);
        assertThat(changes.find(WORKSPACE, new ChangeId(1))).isPresent();
    }

    @Test
    @DisplayName("queues its message in the same transaction that stores it, so a crash after the ack loses nothing")
    void announcesInTheSameTransaction() {
        requestChange.request(fromAlice(details()));

        assertThat(announcer.calls()).containsExactly(
                new RecordingAnnouncer.Call(new ChangeId(1), ChangeState.PENDING_APPROVAL, true));
    }

    @Test
    @DisplayName("a pre-approved class is approved as it is requested, in the same transaction")
    void preApprovedClass() {
        var change = requested(requestChange.request(new NewChangeRequest(WORKSPACE, REQUESTER, CHANNEL,
                java.util.Optional.of("standard"), java.util.Map.of(), details())));

        assertThat(change.state()).isEqualTo(ChangeState.APPROVED);
        assertThat(changes.events()).extracting(e -> e.type()).containsExactly("ChangeRequested", "ChangePreApproved");
        assertThat(announcer.calls()).singleElement()
                .satisfies(call -> assertThat(call.state()).isEqualTo(ChangeState.APPROVED));
    }

    private static NewChangeRequest fromAlice(ChangeDetails details) {
        return new NewChangeRequest(WORKSPACE, REQUESTER, CHANNEL, java.util.Optional.empty(), java.util.Map.of(), details);
    }

    private static Change requested(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Requested.class);
        return ((Outcome.Requested) outcome).change();
    }
}
