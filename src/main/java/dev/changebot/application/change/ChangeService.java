package dev.changebot.application.change;

import dev.changebot.application.port.AnnouncedChanges;
import dev.changebot.application.port.CalendarStates;
import dev.changebot.application.port.ChangeAnnouncer;
import dev.changebot.application.port.ConflictLedger;
import dev.changebot.application.port.Notices;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.TimerAlarms;
import dev.changebot.application.port.TimerStore;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.notice.WhoIsTold;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.rules.Actor;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.domain.rules.ChangeRules;
import dev.changebot.domain.rules.FollowUpTriggers;
import dev.changebot.domain.rules.Situation;
import dev.changebot.domain.rules.TimerChange;
import dev.changebot.domain.rules.TimerChanges;
import dev.changebot.domain.rules.Verdict;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every command on an existing change the same way: the person's roles are looked up before
 * any lock (the lookup may call the chat platform); then, in one transaction, the change is locked,
 * the rules decide, the accepted events are applied and stored with the change, and what follows
 * from them is queued in the same transaction: the change's message refreshed, notices to the people
 * the domain says are told, timers set or called off (rung once the transaction has committed). The lock makes concurrent or repeated deliveries
 * of one command see each other's result.
 */
@Singleton
public class ChangeService {

    /** The states in which a change holds its slot on the calendar (as ScheduledChange.holdsItsSlot says). */
    private static final Set<ChangeState> HOLDS_A_SLOT = java.util.EnumSet.of(ChangeState.PENDING_APPROVAL,
            ChangeState.APPROVED, ChangeState.IN_PROGRESS, ChangeState.SOAKING);

    private final Changes changes;
    private final Transactions transactions;
    private final ChangeAnnouncer announcer;
    private final TimerStore timers;
    private final TimerAlarms alarms;
    private final Notices notices;
    private final RoleDirectory directory;
    private final CalendarStates calendar;
    private final ChangeRules rules;
    private final Policy policy;
    private final Clock clock;
    private final ConflictLedger conflicts;
    private final AnnouncedChanges announced;

    /** Without recorded conflicts: for tests of the other rules. */
    public ChangeService(Changes changes, Transactions transactions, ChangeAnnouncer announcer, TimerStore timers,
                         TimerAlarms alarms, Notices notices, RoleDirectory directory, CalendarStates calendar, ChangeRules rules,
                         Policy policy, Clock clock) {
        this(changes, transactions, announcer, timers, alarms, notices, directory, calendar, rules, policy, clock,
                ConflictLedger.NONE);
    }

    /** With the store and the announcer each on its own: for tests of the rules. */
    public ChangeService(Changes changes, Transactions transactions, ChangeAnnouncer announcer, TimerStore timers,
                         TimerAlarms alarms, Notices notices, RoleDirectory directory, CalendarStates calendar, ChangeRules rules,
                         Policy policy, Clock clock, ConflictLedger conflicts) {
        this(changes, transactions, announcer, timers, alarms, notices, directory, calendar, rules, policy, clock,
                conflicts, AnnouncedChanges.of(changes, announcer));
    }

    @jakarta.inject.Inject
    public ChangeService(Changes changes, Transactions transactions, ChangeAnnouncer announcer, TimerStore timers,
                         TimerAlarms alarms, Notices notices, RoleDirectory directory, CalendarStates calendar, ChangeRules rules,
                         Policy policy, Clock clock, ConflictLedger conflicts, AnnouncedChanges announced) {
        this.conflicts = conflicts;
        this.announced = announced;
        this.changes = changes;
        this.transactions = transactions;
        this.announcer = announcer;
        this.timers = timers;
        this.alarms = alarms;
        this.notices = notices;
        this.directory = directory;
        this.calendar = calendar;
        this.rules = rules;
        this.policy = policy;
        this.clock = clock;
    }

    /** A person's command: refused before the role lookup when the command itself is wrong. */
    public ActionOutcome run(String workspaceId, ChangeId id, String userId, ChangeCommand command) {
        return run(workspaceId, id, userId, command, Precondition.NONE);
    }

    /**
     * A person's command that also needs {@code precondition} of the change (where it came from),
     * judged in the command's transaction on the change it locks, before the rules.
     */
    public ActionOutcome run(String workspaceId, ChangeId id, String userId, ChangeCommand command,
                             Precondition precondition) {
        return refusedUpfront(id, command).orElseGet(() ->
                decide(workspaceId, id, actorFor(workspaceId, userId, command), command, Map.of(), precondition));
    }

    /**
     * The person as the rules need them for this command: with the roles they hold now when the
     * command depends on them. Asked before any transaction: the directory may call the chat platform.
     */
    public Actor actorFor(String workspaceId, String userId, ChangeCommand command) {
        return Actor.person(userId, rules.needsRoles(command) ? directory.rolesOf(workspaceId, userId) : Set.of());
    }

    /** A person's command, with their roles looked up already ({@link #actorFor}). */
    public ActionOutcome run(String workspaceId, ChangeId id, Actor actor, ChangeCommand command) {
        return refusedUpfront(id, command)
                .orElseGet(() -> decide(workspaceId, id, actor, command, Map.of(), Precondition.NONE));
    }

    private Optional<ActionOutcome> refusedUpfront(ChangeId id, ChangeCommand command) {
        return rules.invalid(id, command, policy).map(ActionOutcome.Refused::new);
    }

    /**
     * Changebot's own command (a timer rang), inside the caller's transaction when there is one;
     * {@code roleMembers} are the people who may have to be told, looked up before any lock.
     */
    public ActionOutcome runForChangebot(String workspaceId, ChangeId id, ChangeCommand command,
                                        Map<String, Set<String>> roleMembers) {
        return decide(workspaceId, id, Actor.CHANGEBOT, command, roleMembers, Precondition.NONE);
    }

    /**
     * A person's command on a change the caller has locked in its transaction (found by its message,
     * {@link Changes#findForUpdateByMessage}), with their roles looked up already ({@link #actorFor}).
     */
    public ActionOutcome runOnLocked(Change change, Actor actor, ChangeCommand command) {
        return refusedUpfront(change.id(), command).orElseGet(() -> decideLocked(change.workspaceId(), change, actor,
                command, Map.of(), Precondition.NONE, clock.instant()));
    }

    private ActionOutcome decide(String workspaceId, ChangeId id, Actor actor, ChangeCommand command,
                                 Map<String, Set<String>> roleMembers, Precondition precondition) {
        var now = clock.instant();
        return transactions.inTransaction(() -> changes.findForUpdate(workspaceId, id)
                .map(change -> decideLocked(workspaceId, change, actor, command, roleMembers, precondition, now))
                .orElseGet(() -> new ActionOutcome.NotFound(id)));
    }

    private ActionOutcome decideLocked(String workspaceId, Change change, Actor actor, ChangeCommand command,
                                       Map<String, Set<String>> roleMembers, Precondition precondition, Instant now) {
        var refusal = precondition.refusal(change);
        if (refusal.isPresent()) {
            return new ActionOutcome.Refused(refusal.get());
        }
        var situation = new Situation(policy, now, () -> calendar.forChange(calendar.at(workspaceId, now), workspaceId,
                change.id().number()), roleMembers);
        var verdict = rules.decide(change, command, actor, situation);
        var told = new ArrayList<Notice>(verdict instanceof Verdict.Accepted accepted ? accepted.notices() : List.of());
        told.addAll(record(change, verdict.events(), roleMembers));
        told.forEach(notices::send);
        return outcomeOf(change, verdict, told);
    }

    /**
     * Stores a new change with the event that created it (and the timers it sets), then records what
     * follows at once (a pre-approval), in the caller's transaction, with its first message queued.
     */
    public void create(Change change, ChangeEvent created, List<ChangeEvent> then) {
        changes.add(change, created);
        TimerChanges.after(change, created, policy.reminders()).forEach(timer -> set(change, timer));
        applyAndStore(change, then, Map.of(), false).forEach(notices::send);
        announcer.changed(change);
    }

    /**
     * Applies and stores each event with the change, sets or calls off the timers that follow from it,
     * and queues the change's message refresh when anything was recorded (with the last event's write):
     * inside the caller's transaction. Returns who is to be told because of the events.
     */
    private List<Notice> record(Change change, List<ChangeEvent> events, Map<String, Set<String>> roleMembers) {
        boolean heldItsSlot = HOLDS_A_SLOT.contains(change.state());
        var told = applyAndStore(change, events, roleMembers, true);
        if (!events.isEmpty() && heldItsSlot && !HOLDS_A_SLOT.contains(change.state())) {
            refreshPartners(change);
        }
        return told;
    }

    /**
     * A change leaving the calendar (cancelled, rejected, done) no longer conflicts: the open changes it was
     * recorded in conflict with have their messages refreshed, so their "Conflicts:" line drops it.
     */
    private void refreshPartners(Change change) {
        var partners = conflicts.partnersOf(change.workspaceId(), change.id());
        if (!partners.isEmpty()) {
            changes.findAll(change.workspaceId(), partners).stream().filter(c -> c.state().isOpen())
                    .forEach(announcer::changed);
        }
    }

    /** {@code announce}: the last event's write also queues the change's message refresh. */
    private List<Notice> applyAndStore(Change change, List<ChangeEvent> events, Map<String, Set<String>> roleMembers,
                                       boolean announce) {
        var told = new ArrayList<Notice>();
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            boolean lastEvent = i == events.size() - 1;
            // The follow-ups the event starts are recorded just before it, so its own effect sees them owed.
            var owed = FollowUpTriggers.owedAfter(change, event, policy);
            for (var each : owed.isPresent() ? List.of(owed.get(), event) : List.of(event)) {
                change.apply(each);
                if (announce && lastEvent && each == event) {
                    announced.updateAndAnnounce(change, each);
                } else {
                    changes.update(change, each);
                }
                TimerChanges.after(change, each, policy.reminders()).forEach(timer -> set(change, timer));
                told.addAll(WhoIsTold.after(change, each, policy, roleMembers));
            }
        }
        return told;
    }

    /** Sets or calls off one timer; this node's poller hears of a new one once the outermost transaction has committed. */
    void set(Change change, TimerChange timer) {
        if (timer instanceof TimerChange.Arm arm) {
            long id = timers.add(change, arm.kind(), arm.ref(), arm.at());
            // The committed row is the timer: every node's poller finds it. This node's poller is told
            // too, once committed (a transaction may run twice), so one due soon need not wait for a look.
            transactions.afterCommit(() -> alarms.ring(id, arm.at()));
        } else if (timer instanceof TimerChange.Cancel cancel) {
            timers.cancelAll(change, cancel.kind(), cancel.ref());
        }
    }

    private static ActionOutcome outcomeOf(Change change, Verdict verdict, List<Notice> told) {
        if (verdict instanceof Verdict.Refused refused) {
            return new ActionOutcome.Refused(refused.reason());
        }
        if (verdict instanceof Verdict.Ignored ignored) {
            return new ActionOutcome.Ignored(ignored.why());
        }
        if (verdict instanceof Verdict.NeedsJustification needs) {
            return new ActionOutcome.NeedsJustification(needs.check());
        }
        if (verdict instanceof Verdict.AwaitingSigners awaiting) {
            return new ActionOutcome.AwaitingSigners(change, awaiting.missing());
        }
        return new ActionOutcome.Done(change, verdict.events(), told);
    }
}
