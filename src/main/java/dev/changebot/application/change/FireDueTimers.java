package dev.changebot.application.change;

import dev.changebot.application.port.TimerStore;
import dev.changebot.application.port.Transactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timers that are due, fired one claim at a time. The claim (a row lock taken with SKIP
 * LOCKED) and the firing share one transaction, so a timer fires once however many pollers look,
 * and a node that dies mid-fire leaves its timer pending and claimable: the lock dies with the
 * connection. A firing that fails leaves the timer pending and backs it off, doubling from a second
 * up to a minute, so one broken timer neither spins nor holds up the others.
 */
@Singleton
public class FireDueTimers {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(FireDueTimers.class);

    private final TimerStore timers;
    private final FireTimer fireTimer;
    private final Transactions transactions;
    private final Clock clock;

    public FireDueTimers(TimerStore timers, FireTimer fireTimer, Transactions transactions, Clock clock) {
        this.timers = timers;
        this.fireTimer = fireTimer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one claim came to. */
    public enum Result { NOTHING_DUE, FIRED, FAILED }

    /** Claims the due timer that is due first and fires it, recorded as fired by {@code firedBy}. */
    public Result fireNext(String firedBy) {
        return fireNext(firedBy, Duration.ZERO);
    }

    /** The same, for timers at least {@code overdue} late only (the clustered sweep's safety net). */
    public Result fireNext(String firedBy, Duration overdue) {
        var now = clock.instant();
        var claimed = new TimerStore.Claim[1];
        try {
            return transactions.inTransaction(() -> {
                claimed[0] = null;
                var claim = timers.claimDue(now.minus(overdue), now);
                if (claim.isEmpty()) {
                    return Result.NOTHING_DUE;
                }
                claimed[0] = claim.get();
                // Joins this transaction: FireTimer's own lock on the row is the one already held.
                fireTimer.fire(claim.get().id(), firedBy);
                return Result.FIRED;
            });
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            var retryAt = now.plus(backoff(claimed[0].failedAttempts()));
            LOG.warn("Timer {} could not fire (attempt {}); it stays pending and is tried again from {}",
                    claimed[0].id(), claimed[0].failedAttempts() + 1, retryAt, e);
            transactions.inTransaction(() -> {
                timers.failed(claimed[0].id(), retryAt);
                return null;
            });
            return Result.FAILED;
        }
    }

    /**
     * When the next timer can be claimed, by the app's clock; null when none is pending. One read, with no
     * transaction of its own: a poller with nothing due asks only this (a claim is a transaction).
     */
    public Instant nextClaimable() {
        return timers.nextClaimable().orElse(null);
    }

    static Duration backoff(int failedBefore) {
        // 1 s, 2 s, 4 s ... capped at a minute; past 2^6 s the cap applies, so the shift cannot overflow.
        if (failedBefore >= 6) {
            return LONGEST_RETRY;
        }
        var doubled = FIRST_RETRY.multipliedBy(1L << Math.max(0, failedBefore));
        return doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
    }
}
