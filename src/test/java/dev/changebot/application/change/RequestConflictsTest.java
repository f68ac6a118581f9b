package dev.changebot.application.change;

import static dev.changebot.domain.change.ChangeFixtures.CHANNEL;
import static dev.changebot.domain.change.ChangeFixtures.CLOCK;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;
import static dev.changebot.domain.change.ChangeFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.DirectTransactions;
import dev.changebot.application.InMemoryChanges;
import dev.changebot.application.InMemoryTimers;
import dev.changebot.application.NobodyHoldsRoles;
import dev.changebot.application.RecordingAnnouncer;
import dev.changebot.application.RecordingNotices;
import dev.changebot.application.change.RequestChange.Outcome;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.FieldProblem;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
import dev.changebot.domain.rules.ChangeRules;
import dev.changebot.domain.schedule.Conflict;
import dev.changebot.domain.schedule.ScheduledChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** `conflicts: warn | block` at request time, with the check faked: what is refused, recorded and handed on. */
@DisplayName("Requesting a change with conflicts")
class RequestConflictsTest {

    static final Instant START = Instant.parse("2026-03-03T10:00:00Z");
    static final ScheduledChange OTHER = new ScheduledChange(new ChangeId(7), "Rotate card keys", "normal",
            "Normal change", "U_BOB", Optional.empty(), "payments-api", "production", "medium", ChangeState.APPROVED,
            Optional.of(new TimeSpan(START, START.plusSeconds(3600))), "approved");

    final DirectTransactions transactions = new DirectTransactions();
    final InMemoryChanges changes = new InMemoryChanges(transactions);
    final RecordingAnnouncer announcer = new RecordingAnnouncer(transactions);
    final InMemoryTimers timers = new InMemoryTimers();
    final FakeCheck check = new FakeCheck();

    @Test
    @DisplayName("block: refused under the proposed start with the conflicts and the next free slot; nothing stored")
    void blockRefuses() {
        check.found = List.of(conflict(Conflict.Kind.SAME_SYSTEM, START.plusSeconds(1800), START.plusSeconds(3600)));

        var outcome = requestChange(PolicyFixtures.blockingConflicts()).request(request());

        assertThat(outcome).isEqualTo(new Outcome.Invalid(List.of(new FieldProblem(ChangeField.PROPOSED_START,
                "This class refuses a change that conflicts with what is planned: same system with CHG-7 \"Rotate card"
                        + " keys\", Tue 2026-03-03 10:30–11:00 UTC. Next free slot: Tue 2026-03-03 11:00–11:45 UTC."))));
        assertThat(changes.writes()).isEmpty();
        assertThat(announcer.calls()).isEmpty();
        assertThat(check.recorded).isEmpty();
        assertThat(check.checked).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(ConflictCheck.PROVISIONAL));
    }

    @Test
    @DisplayName("block: outside the windows alone does not refuse (the start rules judged the windows already)")
    void outsideTheWindowsDoesNotBlock() {
        check.found = List.of(new Conflict(Conflict.Kind.OUTSIDE_WINDOWS, Optional.empty(), Optional.of("the windows"),
                new TimeSpan(START, START.plusSeconds(2700))));

        var outcome = requestChange(PolicyFixtures.blockingConflicts()).request(request());

        assertThat(outcome).isInstanceOf(Outcome.Requested.class);
        assertThat(check.recorded).hasSize(1);
    }

    @Test
    @DisplayName("warn: recorded, its conflicts recorded in the same transaction and handed to the form")
    void warnRecords() {
        check.found = List.of(conflict(Conflict.Kind.SAME_SYSTEM, START, START.plusSeconds(2700)));

        var outcome = requestChange(PolicyFixtures.oneReviewer()).request(request());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Requested.class, requested -> {
            assertThat(requested.change().id()).isEqualTo(new ChangeId(1));
            assertThat(requested.conflicts()).hasValueSatisfying(f -> assertThat(f.conflicts()).hasSize(1));
        });
        assertThat(check.recorded).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(new ChangeId(1)));
        assertThat(check.recordedInTransaction).containsExactly(true);
    }

    @Test
    @DisplayName("warn: a check that fails records the change without its conflicts")
    void warnSurvivesAFailedCheck() {
        check.fails = true;

        var outcome = requestChange(PolicyFixtures.oneReviewer()).request(request());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Requested.class,
                requested -> assertThat(requested.conflicts()).isEmpty());
        assertThat(check.recorded).isEmpty();
    }

    private RequestChange requestChange(Policy policy) {
        var service = new ChangeService(changes, transactions, announcer, timers, timers, new RecordingNotices(),
                new NobodyHoldsRoles(), (workspace, now) -> CalendarState.QUIET, new ChangeRules(), policy, CLOCK);
        return new RequestChange(changes, transactions, service, CLOCK, policy, (workspace, now) -> CalendarState.QUIET,
                check);
    }

    private static NewChangeRequest request() {
        return new NewChangeRequest(WORKSPACE, REQUESTER, CHANNEL, Optional.empty(), java.util.Map.of(), details());
    }

    private static Conflict conflict(Conflict.Kind kind, Instant start, Instant end) {
        return new Conflict(kind, Optional.of(OTHER), Optional.empty(), new TimeSpan(start, end));
    }

    /** Finds what it is told to, with the slot after OTHER; records what it is handed. */
    final class FakeCheck implements ConflictCheck {
        List<Conflict> found = List.of();
        boolean fails;
        final List<Change> checked = new ArrayList<>();
        final List<Change> recorded = new ArrayList<>();
        final List<Boolean> recordedInTransaction = new ArrayList<>();

        @Override
        public Optional<Found> check(Change planned, ChangeClass changeClass, Instant now) {
            checked.add(planned);
            if (fails) {
                throw new IllegalStateException("the database did not answer");
            }
            return Optional.of(new Found(found, Optional.of(new TimeSpan(START.plusSeconds(3600),
                    START.plusSeconds(3600 + 2700))), List.of(), Long.MAX_VALUE));
        }

        @Override
        public void record(Change created, ChangeClass changeClass, Found f, Instant now) {
            recorded.add(created);
            recordedInTransaction.add(transactions.active());
        }
    }
}
