package dev.changebot.application;

import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.MessageRef;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued notices, each once: the same leases, backoff, Retry-After and per-channel
 * pacing as the change messages. A notice meant for the change's thread goes under its message,
 * or plainly to its recipient when the change has no message.
 */
@Singleton
public class DeliverNotices {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverNotices.class);

    private final NoticeOutbox outbox;
    private final Changes changes;
    private final SlackDelivery delivery;
    private final ChannelPacing pacing;
    private final Transactions transactions;
    private final Clock clock;

    public DeliverNotices(NoticeOutbox outbox, Changes changes, SlackDelivery delivery, ChannelPacing pacing,
                          Transactions transactions, Clock clock) {
        this.outbox = outbox;
        this.changes = changes;
        this.delivery = delivery;
        this.pacing = pacing;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Delivers everything due now, stopping between notices when {@code keepGoing} says so. */
    public int drain(BooleanSupplier keepGoing) {
        int delivered = 0;
        while (keepGoing.getAsBoolean()) {
            var now = clock.instant();
            var due = transactions.inTransaction(() -> outbox.claimDue(now, DeliverOutbox.LEASE, DeliverOutbox.BATCH));
            for (var queued : due) {
                if (!keepGoing.getAsBoolean()) {
                    return delivered;
                }
                try {
                    delivered += deliver(queued) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warn("Delivering notice {} about {} failed", queued.id(), queued.notice().changeId(), e);
                    report(() -> outbox.retryAt(queued, clock.instant().plus(DeliverOutbox.backoff(queued.attempts())),
                            e.toString()));
                }
            }
            if (due.size() < DeliverOutbox.BATCH) {
                return delivered;
            }
        }
        return delivered;
    }

    private boolean deliver(NoticeOutbox.Queued queued) {
        var now = clock.instant();
        var notice = queued.notice();
        var thread = notice.inThread() ? transactions.inTransaction(() -> changes.find(notice.workspaceId(), notice.changeId()))
                .flatMap(c -> c.message()) : Optional.<MessageRef>empty();
        var channel = thread.map(MessageRef::channelId).orElse(notice.recipient());
        var wait = transactions.inTransaction(() -> pacing.reserve(channel, now));
        if (wait.isPresent()) {
            report(() -> outbox.postpone(queued, wait.get(), "pacing posts to " + channel));
            return false;
        }
        var result = delivery.post(channel, notice.text(), thread.map(MessageRef::messageTs));
        if (result instanceof SlackDelivery.Result.Delivered) {
            report(() -> outbox.delivered(queued, now));
            return true;
        }
        if (result instanceof SlackDelivery.Result.RateLimited limited) {
            report(() -> outbox.postpone(queued, now.plus(limited.retryAfter()), "rate limited"));
            return false;
        }
        var failed = (SlackDelivery.Result.Failed) result;
        if (failed.retryable() && queued.attempts() + 1 < DeliverOutbox.MAX_ATTEMPTS) {
            report(() -> outbox.retryAt(queued, now.plus(DeliverOutbox.backoff(queued.attempts())), failed.error()));
        } else {
            LOG.warn("Gave up on notice {} to {} about {}: {}", queued.id(), channel, notice.changeId(), failed.error());
            report(() -> outbox.failed(queued, now, failed.error()));
        }
        return false;
    }

    private void report(Runnable write) {
        transactions.inTransaction(() -> {
            write.run();
            return null;
        });
    }
}
