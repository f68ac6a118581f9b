package dev.changebot.application.change;

import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.TimerStore;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.TimerKind;
import dev.changebot.domain.notice.Recipient;
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
    private final Changes changes;
    private final Transactions transactions;
    private final RoleDirectory directory;
    private final Policy policy;
    private final Clock clock;

    public FireTimer(TimerStore timers, ChangeService service, Changes changes, Transactions transactions,
                     RoleDirectory directory, Policy policy, Clock clock) {
        this.timers = timers;
        this.service = service;
        this.changes = changes;
        this.transactions = transactions;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
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
            var outcome = t.knownKind()
                    .map(kind -> describe(kind, t.ref(), service.runForChangebot(t.workspaceId(), t.changeId(),
                            commandFor(kind, t.ref()), members)))
                    .orElse("no action for kind " + t.kind());
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
    private static String describe(TimerKind kind, String ref, ActionOutcome outcome) {
        if (outcome instanceof ActionOutcome.Ignored ignored) {
            return ignored.why();
        }
        if (!(outcome instanceof ActionOutcome.Done done)) {
            return "nothing to do: the change moved on";
        }
        return switch (kind) {
            case SOAK_END -> "soak in " + ref + " complete";
            case FOLLOW_UP_REMINDER -> "reminded "
                    + done.notices().stream().filter(n -> n.recipient() instanceof Recipient.Person).count();
            case FOLLOW_UP_DUE -> "overdue";
        };
    }

    /**
     * Who holds the roles a follow-up timer may need to tell, asked before any row is locked: the
     * directory may have to ask Slack, and no lock should wait on a network call.
     */
    private Map<String, Set<String>> membersFor(long timerId) {
        var found = transactions.inTransaction(() -> timers.findPending(timerId)
                .filter(t -> t.knownKind().filter(kind -> kind != TimerKind.SOAK_END).isPresent())
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
}
