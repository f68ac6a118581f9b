package dev.changebot.application;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.notice.Recipient;
import dev.changebot.domain.notice.WhoIsTold;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A timer rings: do what it was set for, once. The timer row is locked and re-checked, so a
 * second ring (cluster recovery re-runs jobs) does nothing; lateness is measured against the
 * original due time, which the scheduler may have rewritten after a misfire.
 */
@Singleton
public class FireTimer {

    private final TimerStore timers;
    private final Changes changes;
    private final ChangeAnnouncer announcer;
    private final Transactions transactions;
    private final Clock clock;
    private final Notices notices;
    private final ChangeViews views;
    private final RoleDirectory directory;
    private final Policy policy;

    public FireTimer(TimerStore timers, Changes changes, ChangeAnnouncer announcer, Transactions transactions,
                     Clock clock, Notices notices, ChangeViews views, RoleDirectory directory, Policy policy) {
        this.notices = notices;
        this.views = views;
        this.directory = directory;
        this.policy = policy;
        this.timers = timers;
        this.changes = changes;
        this.announcer = announcer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A follow-up's reminder or deadline; nothing when it was met meanwhile. */
    private String followUp(Change change, TimerStore.Timer timer, java.time.Instant now, Map<String, Set<String>> members) {
        if (change.state() == ChangeState.REJECTED || change.state() == ChangeState.CANCELLED) {
            return "nothing to do: the emergency did not go ahead";
        }
        var obligation = change.obligations().stream().filter(o -> o.name().equals(timer.ref()) && o.isOpen()).findFirst();
        if (obligation.isEmpty()) {
            return "nothing to do: already satisfied";
        }
        if (EmergencyChanges.FOLLOW_UP_REMINDER.equals(timer.kind())) {
            var reminders = WhoIsTold.followUpReminder(change, obligation.get(), members);
            reminders.forEach(notices::send);
            return "reminded " + reminders.stream().filter(n -> n.recipient() instanceof Recipient.Person).count();
        }
        var event = change.markOverdue(timer.ref(), now);
        if (event.isEmpty()) {
            return "nothing to do: already overdue";
        }
        changes.update(change, event.get());
        announcer.changed(change);
        WhoIsTold.followUpOverdue(change, obligation.get(), policy.reminders(), members).forEach(notices::send);
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
        var change = found.get().getValue();
        var roles = new LinkedHashSet<String>();
        change.obligations().stream().filter(o -> o.name().equals(timer.ref())).forEach(o -> roles.addAll(o.roles()));
        policy.reminders().escalateTo().ifPresent(roles::add);
        var members = new HashMap<String, Set<String>>();
        roles.forEach(role -> members.put(role, directory.membersOf(change.workspaceId(), role)));
        return members;
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
            var outcome = "nothing to do: the change moved on";
            var known = DeployChange.SOAK.equals(t.kind()) || t.kind().startsWith("FOLLOW_UP");
            var change = known ? changes.findForUpdate(t.workspaceId(), t.changeId()) : java.util.Optional.<Change>empty();
            if (!known) {
                outcome = "no action for kind " + t.kind();
            }
            if (change.isPresent() && DeployChange.SOAK.equals(t.kind())) {
                var event = change.get().soakEnded(t.ref(), now);
                if (event.isPresent()) {
                    changes.update(change.get(), event.get());
                    announcer.changed(change.get());
                    WhoIsTold.soakCompleted(change.get(), t.ref(), views.of(change.get()).nextDeployment())
                            .forEach(notices::send);
                    outcome = "soak in " + t.ref() + " complete";
                }
            } else if (change.isPresent() && t.kind().startsWith("FOLLOW_UP")) {
                outcome = followUp(change.get(), t, now, members);
            }
            long late = Math.max(0, Duration.between(t.dueAt(), now).toMillis());
            timers.fired(timerId, now, late, outcome, firedBy);
            return true;
        });
    }
}
