package dev.changebot.application;

import dev.changebot.domain.change.Changes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

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

    public FireTimer(TimerStore timers, Changes changes, ChangeAnnouncer announcer, Transactions transactions,
                     Clock clock) {
        this.timers = timers;
        this.changes = changes;
        this.announcer = announcer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** True when this ring did the work; false when the timer had already fired or was cancelled. */
    public boolean fire(long timerId) {
        var now = clock.instant();
        return transactions.inTransaction(() -> {
            var timer = timers.lockPending(timerId);
            if (timer.isEmpty()) {
                return false;
            }
            var t = timer.get();
            var outcome = "nothing to do: the change moved on";
            var change = changes.findForUpdate(t.workspaceId(), t.changeId());
            if (change.isPresent() && DeployChange.SOAK.equals(t.kind())) {
                var event = change.get().soakEnded(t.ref(), now);
                if (event.isPresent()) {
                    changes.update(change.get(), event.get());
                    announcer.changed(change.get());
                    outcome = "soak in " + t.ref() + " complete";
                }
            }
            long late = Math.max(0, Duration.between(t.dueAt(), now).toMillis());
            timers.fired(timerId, now, late, outcome);
            return true;
        });
    }
}
