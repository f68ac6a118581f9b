package dev.changebot.application.delivery;

import dev.changebot.application.port.ChannelPacing;
import dev.changebot.application.port.DeliveryQueue;
import dev.changebot.application.port.SlackDelivery;
import dev.changebot.application.port.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What delivering any Slack queue takes: claiming due items batch by batch, calling Slack outside
 * any transaction, and recording how it went: delivered; postponed for Retry-After on a 429 (not
 * an attempt); retried with exponential backoff; given up after {@link #MAX_ATTEMPTS} or on an
 * error no retry fixes.
 */
abstract class QueueWorker<T> {

    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);

    /** How many due-again instants are kept; past it the farthest are left to the pump's idle look. */
    private static final int DUE_AGAIN_KEPT = 1024;

    private final DeliveryQueue<T> queue;
    /** This drain's items postponed for each channel's pace so far. */
    private final Map<String, Integer> waitingPerChannel = new HashMap<>();
    /** When items this node sent back are due again (pace, slot, Retry-After, backoff), ahead of the last drain. */
    private final TreeSet<Instant> dueAgain = new TreeSet<>();
    private volatile int claimedByLastDrain;
    protected final Transactions transactions;
    protected final Clock clock;

    QueueWorker(DeliveryQueue<T> queue, Transactions transactions, Clock clock) {
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Delivers one claimed item; true when it went out. */
    protected abstract boolean deliver(T item);

    protected abstract int attempts(T item);

    /** The item in a log line: "the message of CHG-3". */
    protected abstract String describe(T item);

    /**
     * Delivers everything due when the drain began, stopping between items as soon as {@code keepGoing} says
     * so. What it postpones (a channel's pace, a notice waiting for messages) is due after that instant, so
     * the next drain takes it: claimed again within this one, thousands of postponed notices would keep a
     * drain going for ever and the messages queue behind it would wait.
     */
    protected int drainQueue(BooleanSupplier keepGoing) {
        int delivered = 0;
        int claimed = 0;
        waitingPerChannel.clear();
        var now = clock.instant();
        synchronized (dueAgain) {
            dueAgain.headSet(now, true).clear();
        }
        try {
            while (keepGoing.getAsBoolean()) {
                // Due by the drain's start, leased from this moment on (a long drain must not hand out short leases).
                var lease = LEASE.plus(Duration.between(now, clock.instant()));
                // One statement, autocommitted: a claim needs no transaction of its own.
                var due = queue.claimDue(now, lease, BATCH);
                claimed += due.size();
                delivered += deliverBatch(due, now, keepGoing);
                if (due.size() < BATCH) {
                    return delivered;
                }
            }
            return delivered;
        } finally {
            claimedByLastDrain = claimed;
        }
    }

    private int deliverBatch(List<T> due, Instant now, BooleanSupplier keepGoing) {
        int delivered = 0;
        beforeBatch(due, now);
        try {
            for (var item : due) {
                if (!keepGoing.getAsBoolean()) {
                    // Unfinished claims come back when their lease runs out.
                    return delivered;
                }
                try {
                    delivered += deliver(item) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warn("Delivering {} failed", describe(item), e);
                    var retry = clock.instant().plus(backoff(attempts(item)));
                    dueAgainAt(retry);
                    report(() -> queue.retryAt(item, retry, e.toString()));
                }
            }
        } finally {
            afterBatch();
        }
        return delivered;
    }

    /** How many items the last drain claimed: none means the queue had nothing due. */
    int claimedByLastDrain() {
        return claimedByLastDrain;
    }

    /** The earliest instant, after the last drain began, at which an item this node sent back is due again. */
    Optional<Instant> nextDueAgain() {
        synchronized (dueAgain) {
            return dueAgain.isEmpty() ? Optional.empty() : Optional.of(dueAgain.first());
        }
    }

    /** An item sent back is due again at {@code at}: the pump looks then (another node's items, at its idle look). */
    protected void dueAgainAt(Instant at) {
        synchronized (dueAgain) {
            dueAgain.add(at);
            if (dueAgain.size() > DUE_AGAIN_KEPT) {
                dueAgain.pollLast();
            }
        }
    }

    /** Before the items of a claimed batch are delivered: what they need read at once. */
    protected void beforeBatch(List<T> due, Instant now) {
    }

    /** After a batch, also when it stopped early: what was left to write for it, written. */
    protected void afterBatch() {
    }

    /**
     * Records what Slack answered; {@code onDelivered} and {@code onGivenUp} are written in the same
     * transaction as the outcome.
     */
    protected boolean settle(T item, SlackDelivery.Result result, Instant now, Runnable onDelivered, Runnable onGivenUp) {
        if (result instanceof SlackDelivery.Result.Delivered) {
            report(() -> {
                onDelivered.run();
                queue.delivered(item, now);
            });
            return true;
        }
        if (result instanceof SlackDelivery.Result.RateLimited limited) {
            postpone(item, now.plus(limited.retryAfter()), "rate limited");
            return false;
        }
        var failed = (SlackDelivery.Result.Failed) result;
        if (failed.retryable() && attempts(item) + 1 < MAX_ATTEMPTS) {
            var retry = now.plus(backoff(attempts(item)));
            dueAgainAt(retry);
            report(() -> queue.retryAt(item, retry, failed.error()));
        } else {
            LOG.warn("Gave up on {}: {}", describe(item), failed.error());
            report(() -> {
                queue.failed(item, now, failed.error());
                onGivenUp.run();
            });
        }
        return false;
    }

    /**
     * Takes the channel's pacing slot; when it is not free, the item waits for it (not an attempt). The items
     * this drain finds waiting for one channel are spread a slot apart (the n-th after the next slot by n
     * slots): sent back to the same next slot, a thousand posts queued for one channel would all be claimed,
     * refused and postponed again every second.
     */
    protected boolean paced(ChannelPacing pacing, T item, String channel, Instant now) {
        var wait = transactions.inTransaction(() -> pacing.reserve(channel, now));
        wait.ifPresent(next -> {
            int ahead = waitingPerChannel.merge(channel, 1, Integer::sum) - 1;
            postpone(item, next.plus(ChannelPacing.PER_CHANNEL.multipliedBy(ahead)), "pacing posts to " + channel);
        });
        return wait.isEmpty();
    }

    /** Leaves {@code item} for later: claimed again at {@code next}, no attempt counted. */
    protected void postpone(T item, Instant next, String why) {
        dueAgainAt(next);
        report(() -> queue.postpone(item, next, why));
    }

    protected void report(Runnable write) {
        transactions.inTransaction(() -> {
            write.run();
            return null;
        });
    }

    /** 1 s, 2 s, 4 s ... up to 5 minutes. */
    static Duration backoff(int attempts) {
        var seconds = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return seconds.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : seconds;
    }
}
