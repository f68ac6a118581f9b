package dev.changebot.application.change;

import dev.changebot.domain.change.ApprovalVia;
import static dev.changebot.domain.change.ChangeFixtures.CLOCK;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static dev.changebot.domain.change.ChangeFixtures.pendingChange;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.DirectTransactions;
import dev.changebot.application.InMemoryChanges;
import dev.changebot.application.InMemoryTimers;
import dev.changebot.application.RecordingAnnouncer;
import dev.changebot.application.RecordingNotices;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.PolicyFixtures;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.domain.rules.ChangeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A command that must come from the right place: judged on the locked change, before the rules. */
@DisplayName("A command with a precondition")
class CommandPreconditionTest {

    final DirectTransactions transactions = new DirectTransactions();
    final InMemoryChanges changes = new InMemoryChanges(transactions);
    final RecordingAnnouncer announcer = new RecordingAnnouncer(transactions);
    final InMemoryTimers timers = new InMemoryTimers();
    final ChangeService service = new ChangeService(changes, transactions, announcer, timers, timers,
            new RecordingNotices(), new RoleDirectory() {
                @Override
                public Set<String> rolesOf(String workspace, String user) {
                    return PolicyFixtures.REVIEWER_ROLES;
                }

                @Override
                public Set<String> membersOf(String workspace, String role) {
                    return Set.of(REVIEWER);
                }
            }, (workspace, now) -> CalendarState.QUIET, new ChangeRules(), PolicyFixtures.oneReviewer(), CLOCK);

    /** What the precondition was shown, and whether a transaction was open then. */
    final List<String> judged = new ArrayList<>();

    @BeforeEach
    void aliceHasRequestedChg1() {
        changes.given(pendingChange());
    }

    @Test
    @DisplayName("that does not hold is refused in its words, recording and posting nothing")
    void refusedInItsWords() {
        var outcome = service.run(WORKSPACE, FIRST, REVIEWER, new ChangeCommand.Approve(ApprovalVia.COMMAND), change -> {
            judged.add(change.id() + (transactions.active() ? " in a transaction" : ""));
            return Optional.of("not from here");
        });

        assertThat(outcome).isEqualTo(new ActionOutcome.Refused("not from here"));
        assertThat(judged).containsExactly(FIRST + " in a transaction");
        assertThat(changes.events()).isEmpty();
        assertThat(announcer.calls()).isEmpty();
        assertThat(changes.find(WORKSPACE, FIRST).orElseThrow().state()).isEqualTo(ChangeState.PENDING_APPROVAL);
    }

    @Test
    @DisplayName("that holds lets the rules decide as without it")
    void holdsAndRuns() {
        var outcome = service.run(WORKSPACE, FIRST, REVIEWER, new ChangeCommand.Approve(ApprovalVia.COMMAND), change -> Optional.empty());

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Done.class,
                done -> assertThat(done.change().state()).isEqualTo(ChangeState.APPROVED));
    }

    @Test
    @DisplayName("on a change that does not exist: not found, the precondition never asked")
    void notFoundFirst() {
        var missing = new ChangeId(99);
        var outcome = service.run(WORKSPACE, missing, REVIEWER, new ChangeCommand.Approve(ApprovalVia.COMMAND), change -> {
            judged.add(change.id().toString());
            return Optional.of("not from here");
        });

        assertThat(outcome).isEqualTo(new ActionOutcome.NotFound(missing));
        assertThat(judged).isEmpty();
    }
}
