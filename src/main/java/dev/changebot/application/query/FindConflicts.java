package dev.changebot.application.query;

import dev.changebot.application.port.CalendarStates;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.schedule.Conflict;
import dev.changebot.domain.schedule.Conflicts;
import dev.changebot.domain.schedule.ScheduledChange;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** `/change conflicts CHG-n`: every conflict of a change's planned window now, and the next free slot. */
@Singleton
public class FindConflicts {

    /**
     * The form's warning is computed inside Slack's 3 seconds, from every open change: past this many it
     * is left out for a warn class (the change's conflicts are still one `/change conflicts CHG-n` away).
     * The request's check reads it ({@code application/change/ConflictsAtRequest}), and so does the outbox
     * for the line on each change's message.
     */
    public static final int WITHIN_THE_ACK = 2_000;

    private final Changes changes;
    private final ChangeViews views;
    private final ShowCalendar calendar;
    private final CalendarStates states;
    private final Transactions transactions;
    private final Policy policy;
    private final Clock clock;

    public FindConflicts(Changes changes, ChangeViews views, ShowCalendar calendar, CalendarStates states,
                         Transactions transactions, Policy policy, Clock clock) {
        this.changes = changes;
        this.views = views;
        this.calendar = calendar;
        this.states = states;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The change's conflicts; {@code nextFreeSlot} is searched only when there are some (from now, or from
     * its planned start when that is later) and only for a change still holding its slot.
     */
    public record Found(ScheduledChange change, List<Conflict> conflicts, Optional<TimeSpan> nextFreeSlot) {

        public Found {
            conflicts = List.copyOf(conflicts);
        }
    }

    public Optional<Found> of(String workspaceId, ChangeId id) {
        var now = clock.instant();
        return transactions.inTransaction(() -> changes.find(workspaceId, id).map(change -> {
            var subject = ScheduledChanges.of(views.of(change));
            if (!subject.holdsItsSlot()) {
                return new Found(subject, List.of(), Optional.empty());
            }
            var others = calendar.openChanges(workspaceId);
            var state = states.at(workspaceId, now);
            var conflicts = Conflicts.of(policy, state, subject, others, now);
            var from = subject.window().map(TimeSpan::start).filter(start -> start.isAfter(now)).orElse(now);
            var slot = conflicts.isEmpty() ? Optional.<TimeSpan>empty()
                    : Conflicts.nextFreeSlot(policy, state, subject, others, from);
            return new Found(subject, conflicts, slot);
        }));
    }
}
