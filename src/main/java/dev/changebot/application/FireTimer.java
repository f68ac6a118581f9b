package dev.changebot.application;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.TimerKind;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.rules.ChangeCommand;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A timer rings: its command runs through the change service like anyone's, once. The timer row is
 * locked and re-checked, so a second ring (cluster recovery re-runs jobs) does nothing; lateness is
 * measured against the original due time, which the scheduler may have rewritten after a misfire.
 */
@Singleton
public class FireTimer {

    private final TimerStore timers;
    private final ChangeService service;
    private final Transactions transactions;
    private final Clock clock;
    private final FollowUpNudges nudges;
    private final ChangeViews views;
    private final dev.changebot.domain.change.Changes changes;
    private final RoleDirectory directory;
    private final Policy policy;
    private final SoakNotices soakNotices;

    public FireTimer(TimerStore timers, ChangeService service, dev.changebot.domain.change.Changes changes,
                     Transactions transactions, Clock clock, FollowUpNudges nudges, ChangeViews views,
                     RoleDirectory directory, Policy policy, SoakNotices soakNotices) {
        this.timers = timers;
        this.service = service;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
        this.nudges = nudges;
        this.views = views;
        this.directory = directory;
        this.policy = policy;
        this.soakNotices = soakNotices;
    }

    /** Rung by hand (tests, operators): recorded as fired by "manual". */
    public boolean fire(long timerId) {
        return fire(timerId, "manual");
    }

    /**
     * True when this ring did the work; false when the timer had already fired or was cancelled.
     * {@code firedBy} names the ringer for the record: the scheduler instance.
     */
    public boolean fire(long timerId, String firedBy) {
        var members = membersFor(timerId);
        var now = clock.instant();
        return transactions.inTransaction(() -> {
            var timer = timers.lockPending(timerId);
            if (timer.isEmpty()) {
                return false;
            }
            var t = timer.get();
            var kind = t.knownKind();
            String outcome;
            if (kind.isEmpty()) {
                outcome = "no action for kind " + t.kind();
            } else {
                var result = service.runForChangebot(t.workspaceId(), t.changeId(), commandFor(kind.get(), t.ref()), members);
                outcome = tell(result, kind.get(), t, members);
            }
            long late = Math.max(0, Duration.between(t.dueAt(), now).toMillis());
            timers.fired(timerId, now, late, outcome, firedBy);
            return true;
        });
    }

    private static ChangeCommand commandFor(TimerKind kind, String ref) {
        return switch (kind) {
            case SOAK_END -> new ChangeCommand.EndSoak(ref);
            case FOLLOW_UP_REMINDER -> new ChangeCommand.RemindFollowUp(ref);
            case FOLLOW_UP_DUE -> new ChangeCommand.FollowUpDue(ref);
        };
    }

    /** What the ring did, for the timer's record. */
    private String tell(ActionOutcome result, TimerKind kind, TimerStore.Timer t, Map<String, Set<String>> members) {
        if (result instanceof ActionOutcome.Ignored ignored) {
            return ignored.why();
        }
        if (!(result instanceof ActionOutcome.Done done)) {
            return "nothing to do: the change moved on";
        }
        var change = done.change();
        if (kind == TimerKind.SOAK_END) {
            soakNotices.soakCompleted(views.of(change), t.ref());
            return "soak in " + t.ref() + " complete";
        }
        var obligation = change.obligations().stream().filter(o -> o.name().equals(t.ref())).findFirst().orElseThrow();
        var people = new LinkedHashSet<String>();
        obligation.roles().forEach(role -> people.addAll(members.getOrDefault(role, Set.of())));
        if (obligation.notDeclarer()) {
            people.remove(change.requesterId());
            change.incidentCommander().ifPresent(people::remove);
        } else {
            change.incidentCommander().ifPresent(people::add);
        }
        if (kind == TimerKind.FOLLOW_UP_REMINDER) {
            nudges.remind(views.of(change), obligation, people);
            return "reminded " + people.size();
        }
        policy.reminders().escalateTo().ifPresent(role -> people.addAll(members.getOrDefault(role, Set.of())));
        nudges.overdue(views.of(change), obligation, policy.reminders().escalationChannel(), people);
        return "overdue";
    }

    /**
     * Who holds the roles a follow-up timer may need to tell, asked before any row is locked: the
     * directory may have to ask Slack, and no lock should wait on a network call.
     */
    private Map<String, Set<String>> membersFor(long timerId) {
        var found = transactions.inTransaction(() -> timers.findPending(timerId)
                .filter(t -> t.kind().startsWith("FOLLOW_UP"))
                .flatMap(t -> changes.find(t.workspaceId(), t.changeId()).map(c -> Map.entry(t, c))));
        if (found.isEmpty()) {
            return Map.of();
        }
        var timer = found.get().getKey();
        Change change = found.get().getValue();
        var roles = new LinkedHashSet<String>();
        change.obligations().stream().filter(o -> o.name().equals(timer.ref())).forEach(o -> roles.addAll(o.roles()));
        policy.reminders().escalateTo().ifPresent(roles::add);
        var members = new HashMap<String, Set<String>>();
        roles.forEach(role -> members.put(role, directory.membersOf(change.workspaceId(), role)));
        return members;
    }
}
