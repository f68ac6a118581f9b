package dev.changebot.application.change;

import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.application.DirectTransactions;
import dev.changebot.application.InMemoryChanges;
import dev.changebot.application.InMemoryTimers;
import dev.changebot.application.RecordingAnnouncer;
import dev.changebot.application.RecordingNotices;
import dev.changebot.application.port.RoleDirectory;
import static dev.changebot.domain.change.ChangeFixtures.CLOCK;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.SOMEONE_ELSE;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static dev.changebot.domain.change.ChangeFixtures.pendingChange;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Approval;
import dev.changebot.domain.change.ChangeEvent.ChangeApproved;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.PolicyFixtures;
import dev.changebot.domain.rules.ChangeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An approval through the change service, with in-memory storage: what is stored, announced and refused. */
@DisplayName("Approving a change")
class ApproveChangeTest {

    final DirectTransactions transactions = new DirectTransactions();
    final InMemoryChanges changes = new InMemoryChanges(transactions);
    final RecordingAnnouncer announcer = new RecordingAnnouncer(transactions);
    final InMemoryTimers timers = new InMemoryTimers();
    /** Who was asked for their roles, and whether a transaction was open then. */
    final List<String> lookups = new ArrayList<>();
    final RecordingNotices notices = new RecordingNotices();
    final ChangeService service = new ChangeService(changes, transactions, announcer, timers,
            timers, notices, new RoleDirectory() {
                @Override
                public Set<String> rolesOf(String workspace, String user) {
                    lookups.add(user + (transactions.active() ? " in a transaction" : ""));
                    return user.equals(REVIEWER) || user.equals(SOMEONE_ELSE) ? PolicyFixtures.REVIEWER_ROLES : Set.of();
                }

                @Override
                public Set<String> membersOf(String workspace, String role) {
                    return Set.of(REVIEWER, SOMEONE_ELSE);
                }
            }, (workspace, now) -> CalendarState.QUIET, new ChangeRules(), PolicyFixtures.oneReviewer(), CLOCK);

    @BeforeEach
    void aliceHasRequestedChg1() {
        changes.given(pendingChange());
    }

    @Test
    @DisplayName("by someone other than the requester approves it")
    void approvedByAReviewer() {
        var outcome = approve(WORKSPACE, FIRST, REVIEWER);

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Done.class, done -> {
            assertThat(done.change().state()).isEqualTo(ChangeState.APPROVED);
            assertThat(done.events()).containsExactly(new ChangeApproved(FIRST, REVIEWER, NOW, 1, true, ApprovalVia.COMMAND, List.of(PolicyFixtures.REVIEWERS)));
        });
        assertThat(changes.find(WORKSPACE, FIRST)).hasValueSatisfying(stored -> {
            assertThat(stored.state()).isEqualTo(ChangeState.APPROVED);
            assertThat(stored.approvals()).containsExactly(new Approval(REVIEWER, NOW, 1));
        });
    }

    @Test
    @DisplayName("records exactly one ChangeApproved event, in a transaction, and sets no timer")
    void recordsOneEvent() {
        approve(WORKSPACE, FIRST, REVIEWER);

        assertThat(changes.events()).containsExactly(new ChangeApproved(FIRST, REVIEWER, NOW, 1, true, ApprovalVia.COMMAND, List.of(PolicyFixtures.REVIEWERS)));
        assertThat(changes.writes()).allMatch(InMemoryChanges.Write::inTransaction);
        assertThat(timers.pending()).isEmpty();
        assertThat(notices.sent()).as("an approval tells nobody beyond its message").isEmpty();
    }

    @Test
    @DisplayName("looks the approver's roles up once, before the transaction")
    void rolesLookedUpBeforeTheTransaction() {
        approve(WORKSPACE, FIRST, REVIEWER);

        assertThat(lookups).containsExactly(REVIEWER);
    }

    @Test
    @DisplayName("queues the channel message update once, inside the transaction")
    void refreshesTheMessageOnce() {
        approve(WORKSPACE, FIRST, REVIEWER);

        assertThat(announcer.calls())
                .containsExactly(new RecordingAnnouncer.Call(FIRST, ChangeState.APPROVED, true));
    }

    @Test
    @DisplayName("by the requester is refused with the reason, recording and posting nothing")
    void refusedForTheRequester() {
        var outcome = approve(WORKSPACE, FIRST, REQUESTER);

        assertThat(outcome).isEqualTo(new ActionOutcome.Refused("You requested CHG-1, so you cannot approve it: the "
                + "policy needs someone else to review your change."));
        assertThat(changes.events()).isEmpty();
        assertThat(announcer.calls()).isEmpty();
        assertThat(changes.find(WORKSPACE, FIRST).orElseThrow().state()).isEqualTo(ChangeState.PENDING_APPROVAL);
    }

    @Test
    @DisplayName("by someone holding no approver role is refused, recording and posting nothing")
    void refusedWithoutTheRole() {
        var outcome = approve(WORKSPACE, FIRST, "U_DAVE");

        assertThat(outcome).isEqualTo(new ActionOutcome.Refused(
                "Step 1 (Review) needs Reviewers, and you do not hold that role."));
        assertThat(changes.events()).isEmpty();
        assertThat(announcer.calls()).isEmpty();
    }

    @Test
    @DisplayName("a second time, by someone else, is refused: it is already approved")
    void refusedOnceApproved() {
        approve(WORKSPACE, FIRST, REVIEWER);

        var outcome = approve(WORKSPACE, FIRST, SOMEONE_ELSE);

        assertThat(outcome).isEqualTo(new ActionOutcome.Refused("CHG-1 is approved; there is nothing left to approve."));
        assertThat(changes.events()).hasSize(1);
        assertThat(announcer.calls()).hasSize(1);
    }

    @Test
    @DisplayName("that does not exist says so, recording and posting nothing")
    void unknownChangeIsNotFound() {
        var unknown = new ChangeId(99);

        assertThat(approve(WORKSPACE, unknown, REVIEWER)).isEqualTo(new ActionOutcome.NotFound(unknown));
        assertThat(changes.events()).isEmpty();
        assertThat(announcer.calls()).isEmpty();
    }

    @Test
    @DisplayName("of another workspace's change is not found")
    void otherWorkspaceIsNotFound() {
        assertThat(approve("T2", FIRST, REVIEWER)).isEqualTo(new ActionOutcome.NotFound(FIRST));
        assertThat(changes.find(WORKSPACE, FIRST).orElseThrow().state()).isEqualTo(ChangeState.PENDING_APPROVAL);
    }

    private ActionOutcome approve(String workspace, dev.changebot.domain.change.ChangeId id, String user) {
        return service.run(workspace, id, user, new dev.changebot.domain.rules.ChangeCommand.Approve(ApprovalVia.COMMAND));
    }
}
