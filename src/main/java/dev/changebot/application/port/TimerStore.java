package dev.changebot.application.port;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.TimerKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable timers: what is due when, kept in the database; runs in the caller's transaction. */
public interface TimerStore {

    /** A new pending timer; its id is what the alarm carries. */
    long add(Change change, TimerKind kind, String ref, Instant dueAt);

    /** The timer if still pending, without locking it: a look before the work. */
    Optional<Timer> findPending(long id);

    /** The timer if still pending, locked until the transaction ends (a second ring finds it fired). */
    Optional<Timer> lockPending(long id);

    /** Rung at {@code at} by {@code firedBy} (the scheduler instance, or who rang it by hand). */
    void fired(long id, Instant at, long lateByMillis, String outcome, String firedBy);

    /** Cancels the pending timers of one kind, all of them or only those for one thing (an obligation, a soak stage). */
    void cancelAll(Change change, TimerKind kind, Optional<String> ref);

    List<Timer> pending();

    /** Pending timers that were due before {@code instant}: late, so their alarm may be lost. */
    List<Timer> pendingDueBefore(Instant instant);

    /**
     * One timer: its original due time, whatever the scheduler later rewrote. The kind is kept as
     * stored: a row of a kind this version does not know is still fired, and does nothing.
     */
    record Timer(long id, String workspaceId, ChangeId changeId, String kind, String ref, Instant dueAt) {

        public Optional<TimerKind> knownKind() {
            return java.util.Arrays.stream(TimerKind.values()).filter(k -> k.name().equals(kind)).findFirst();
        }
    }
}
