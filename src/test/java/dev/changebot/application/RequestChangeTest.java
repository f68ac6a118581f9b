package dev.changebot.application;

import static dev.changebot.domain.change.ChangeFixtures.CHANNEL;
import static dev.changebot.domain.change.ChangeFixtures.CLOCK;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static dev.changebot.domain.change.ChangeFixtures.details;
import static dev.changebot.domain.change.ChangeFixtures.detailsTitled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.RequestChange.Outcome;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeEvent.ChangeRequested;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.FieldProblem;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.policy.PolicyFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Requesting a change")
class RequestChangeTest {

    final DirectTransactions transactions = new DirectTransactions();
    final InMemoryChanges changes = new InMemoryChanges(transactions);
    final RecordingAnnouncer announcer = new RecordingAnnouncer(transactions);
    final RequestChange requestChange = new RequestChange(changes, transactions, announcer, CLOCK, PolicyFixtures.oneReviewer(),
            (workspace, now) -> dev.changebot.domain.policy.CalendarState.QUIET);

    @Test
    @DisplayName("with something missing says what, and stores and posts nothing")
    void invalidDetailsAreRefusedWholesale() {
        var outcome = requestChange.request(fromAlice(detailsTitled(" ")));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Invalid.class, invalid ->
                assertThat(invalid.problems()).extracting(FieldProblem::field).containsExactly(ChangeField.TITLE));
        assertThat(changes.writes()).isEmpty();
        assertThat(announcer.announced()).isEmpty();
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
    @DisplayName("posts the change once, in the channel it came from, after it is stored")
    void announcesTheChangeAfterStoringIt() {
        requestChange.request(fromAlice(details()));

        assertThat(announcer.announced()).containsExactly(
                new RecordingAnnouncer.Call(new ChangeId(1), ChangeState.PENDING_APPROVAL, false));
    }

    @Test
    @DisplayName("remembers where the message was posted, on the change and in storage")
    void attachesTheMessage() {
        var change = requested(requestChange.request(fromAlice(details())));

        var posted = new MessageRef(CHANNEL, RecordingAnnouncer.MESSAGE_TS);
        assertThat(change.message()).contains(posted);
        assertThat(changes.find(WORKSPACE, change.id()).orElseThrow().message()).contains(posted);
    }

    @Test
    @DisplayName("still records the change when it cannot be posted, without a message")
    void keepsTheChangeWhenThePostFails() {
        announcer.failPosts();

        var change = requested(requestChange.request(fromAlice(details())));

        assertThat(change.message()).isEmpty();
        assertThat(changes.find(WORKSPACE, change.id())).hasValueSatisfying(stored ->
                assertThat(stored.message()).isEmpty());
        assertThat(changes.events()).hasSize(1);
    }

    @Test
    @DisplayName("does not read as failed when only remembering the posted message fails, so a retry cannot duplicate it")
    void aFailureToRememberTheMessageIsNotAFailedRequest() {
        var failingChanges = new InMemoryChanges(transactions) {
            @Override
            public void saveMessage(Change change) {
                throw new IllegalStateException("database went away");
            }
        };
        var request = new RequestChange(failingChanges, transactions, announcer, CLOCK, PolicyFixtures.oneReviewer(),
            (workspace, now) -> dev.changebot.domain.policy.CalendarState.QUIET);

        var change = requested(request.request(fromAlice(details())));

        assertThat(change.message()).isPresent();
        assertThat(failingChanges.events()).hasSize(1);
    }

    private static NewChangeRequest fromAlice(ChangeDetails details) {
        return new NewChangeRequest(WORKSPACE, REQUESTER, CHANNEL, java.util.Optional.empty(), java.util.Map.of(), details);
    }

    private static Change requested(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Requested.class);
        return ((Outcome.Requested) outcome).change();
    }
}
