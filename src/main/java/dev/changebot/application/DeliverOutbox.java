package dev.changebot.application;

import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.MessageRef;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the Slack outbox: first the pending change messages (each rendered as the change is
 * now, posted or updated in place), then the notices ({@link DeliverNotices}). Slack is called
 * outside any transaction (claims are leases), failures retry with exponential backoff, 429s wait
 * for Retry-After, and posts to one channel are paced ({@link ChannelPacing}).
 */
@Singleton
public class DeliverOutbox {

    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(DeliverOutbox.class);

    private final Outbox outbox;
    private final Changes changes;
    private final ChangeViews views;
    private final SlackDelivery delivery;
    private final Transactions transactions;
    private final Clock clock;
    private final ChannelPacing pacing;
    private final DeliveryProblems problems;
    private final DeliverNotices notices;

    public DeliverOutbox(Outbox outbox, Changes changes, ChangeViews views, SlackDelivery delivery,
                         Transactions transactions, Clock clock, ChannelPacing pacing, DeliveryProblems problems,
                         DeliverNotices notices) {
        this.outbox = outbox;
        this.changes = changes;
        this.views = views;
        this.delivery = delivery;
        this.transactions = transactions;
        this.clock = clock;
        this.pacing = pacing;
        this.problems = problems;
        this.notices = notices;
    }

    /** Delivers everything due now; returns how many messages and notices went out. */
    public int drain() {
        return drain(() -> true);
    }

    /** As {@link #drain()}, stopping between posts as soon as {@code keepGoing} says so (shutdown). */
    public int drain(java.util.function.BooleanSupplier keepGoing) {
        // Messages first: a notice for a change's thread finds the message it replies under.
        int delivered = drainMessages(keepGoing);
        return delivered + notices.drain(keepGoing);
    }

    private int drainMessages(java.util.function.BooleanSupplier keepGoing) {
        int delivered = 0;
        while (keepGoing.getAsBoolean()) {
            var now = clock.instant();
            var due = transactions.inTransaction(() -> outbox.claimDue(now, LEASE, BATCH));
            for (var entry : due) {
                if (!keepGoing.getAsBoolean()) {
                    // Unfinished claims come back when their lease runs out.
                    return delivered;
                }
                try {
                    delivered += deliver(entry) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warn("Delivering the message of {} failed", entry.changeId(), e);
                    report(() -> outbox.retryAt(entry, clock.instant().plus(backoff(entry.attempts())), e.toString()));
                }
            }
            if (due.size() < BATCH) {
                return delivered;
            }
        }
        return delivered;
    }

    private boolean deliver(OutboxEntry entry) {
        var now = clock.instant();
        var found = transactions.inTransaction(() -> changes.find(entry.workspaceId(), entry.changeId()));
        if (found.isEmpty()) {
            report(() -> outbox.failed(entry, now, "the change no longer exists"));
            return false;
        }
        var change = found.get();
        var channel = change.message().map(MessageRef::channelId).orElse(change.originChannelId());
        if (change.message().isEmpty()) {
            var wait = transactions.inTransaction(() -> pacing.reserve(channel, now));
            if (wait.isPresent()) {
                report(() -> outbox.postpone(entry, wait.get(), "pacing posts to " + channel));
                return false;
            }
        }
        var view = views.of(change);
        var result = delivery.deliver(view, change.message());
        if (result instanceof SlackDelivery.Result.Delivered done) {
            boolean posted = change.message().isEmpty();
            if (posted) {
                change.attachMessage(done.message());
            }
            report(() -> {
                if (posted) {
                    changes.saveMessage(change);
                }
                outbox.delivered(entry, now);
            });
            return true;
        }
        if (result instanceof SlackDelivery.Result.RateLimited limited) {
            report(() -> outbox.postpone(entry, now.plus(limited.retryAfter()), "rate limited"));
            return false;
        }
        var failed = (SlackDelivery.Result.Failed) result;
        if (failed.retryable() && entry.attempts() + 1 < MAX_ATTEMPTS) {
            report(() -> outbox.retryAt(entry, now.plus(backoff(entry.attempts())), failed.error()));
        } else {
            report(() -> {
                outbox.failed(entry, now, failed.error());
                if (change.message().isEmpty()) {
                    problems.notAnnounced(view, failed.error());
                }
            });
        }
        return false;
    }

    private void report(Runnable write) {
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
