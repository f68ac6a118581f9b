package dev.changebot.application.port;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.TimerKind;
import java.time.Instant;
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

    /**
     * The pending timer due first by {@code dueBy} whose back-off (if it failed before) has ended at
     * {@code now}, locked until the transaction ends. A timer locked by another transaction is
     * skipped, not waited for: another poller is firing it, and if that one dies its lock dies with
     * its connection and the timer is claimable again.
     */
    Optional<Claim> claimDue(Instant dueBy, Instant now);

    /** When the next pending timer becomes claimable (its due time, or its retry time if backed off). */
    Optional<Instant> nextClaimable();

    /** Its firing failed: it stays pending, with one more failed attempt, and is not claimed before {@code retryAt}. */
    void failed(long id, Instant retryAt);

    /** A claimed timer, and how many times its firing has failed before. */
    record Claim(long id, int failedAttempts) {
    }

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
