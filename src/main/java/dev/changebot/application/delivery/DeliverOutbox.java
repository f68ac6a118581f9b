package dev.changebot.application.delivery;

import dev.changebot.application.port.ChannelPacing;
import dev.changebot.application.port.Notices;
import dev.changebot.application.port.Outbox;
import dev.changebot.application.port.OutboxEntry;
import dev.changebot.application.port.SlackDelivery;
import dev.changebot.application.port.Transactions;
import dev.changebot.application.query.ChangeViews;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.notice.WhoIsTold;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * Delivers the Slack outbox: first the pending change messages (each rendered as the change is
 * now, posted or updated in place), then the notices ({@link DeliverNotices}). Slack is called
 * outside any transaction (claims are leases), failures retry with exponential backoff, 429s wait
 * for Retry-After, and posts to one channel are paced ({@link ChannelPacing}).
 */
@Singleton
public class DeliverOutbox extends QueueWorker<OutboxEntry> {

    private final Changes changes;
    private final ChangeViews views;
    private final SlackDelivery delivery;
    private final ChannelPacing pacing;
    private final Notices notices;
    private final DeliverNotices noticeWorker;

    public DeliverOutbox(Outbox outbox, Changes changes, ChangeViews views, SlackDelivery delivery,
                         Transactions transactions, Clock clock, ChannelPacing pacing, Notices notices,
                         DeliverNotices noticeWorker) {
        super(outbox, transactions, clock);
        this.changes = changes;
        this.views = views;
        this.delivery = delivery;
        this.pacing = pacing;
        this.notices = notices;
        this.noticeWorker = noticeWorker;
    }

    /** Delivers everything due now; returns how many messages and notices went out. */
    public int drain() {
        return drain(() -> true);
    }

    /** As {@link #drain()}, stopping between posts as soon as {@code keepGoing} says so (shutdown). */
    public int drain(BooleanSupplier keepGoing) {
        // Messages first: a notice for a change's thread finds the message it replies under.
        int delivered = drainQueue(keepGoing);
        return delivered + noticeWorker.drain(keepGoing);
    }

    @Override
    protected boolean deliver(OutboxEntry entry) {
        var now = clock.instant();
        var found = transactions.inTransaction(() -> changes.find(entry.workspaceId(), entry.changeId()));
        if (found.isEmpty()) {
            return settle(entry, new SlackDelivery.Result.Failed("the change no longer exists", false), now, () -> { },
                    () -> { });
        }
        var change = found.get();
        var posting = change.message().isEmpty();
        var channel = change.message().map(MessageRef::channelId).orElse(change.originChannelId());
        if (posting && !paced(pacing, entry, channel, now)) {
            return false;
        }
        var result = delivery.deliver(views.of(change), change.message());
        return settle(entry, result, now, () -> {
            if (posting) {
                change.attachMessage(((SlackDelivery.Result.Delivered) result).message());
                changes.saveMessage(change);
            }
        }, () -> {
            if (posting) {
                WhoIsTold.changeNotPosted(change, ((SlackDelivery.Result.Failed) result).error()).forEach(notices::send);
            }
        });
    }

    @Override
    protected int attempts(OutboxEntry entry) {
        return entry.attempts();
    }

    @Override
    protected String describe(OutboxEntry entry) {
        return "the message of " + entry.changeId();
    }
}
