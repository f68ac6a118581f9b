package dev.changebot.application.delivery;

import dev.changebot.application.port.ChannelPacing;
import dev.changebot.application.port.Notices;
import dev.changebot.application.port.Outbox;
import dev.changebot.application.port.OutboxEntry;
import dev.changebot.application.port.SlackDelivery;
import dev.changebot.application.port.Transactions;
import dev.changebot.application.port.UpdatePacing;
import dev.changebot.application.query.ChangeViews;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.notice.WhoIsTold;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Delivers the Slack outbox: first the pending change messages (each rendered as the change is
 * now, posted or updated in place), then the notices ({@link DeliverNotices}). Slack is called
 * outside any transaction (claims are leases), failures retry with exponential backoff, 429s wait
 * for Retry-After, posts to one channel are paced ({@link ChannelPacing}) and updates in one
 * workspace too ({@link UpdatePacing}). A change has at most one pending entry, so a burst of state
 * changes costs one update per message, rendered when it goes.
 */
@Singleton
public class DeliverOutbox extends QueueWorker<OutboxEntry> {

    private final Changes changes;
    private final ChangeViews views;
    private final SlackDelivery delivery;
    private final ChannelPacing pacing;
    private final Notices notices;
    private final DeliverNotices noticeWorker;
    private final Outbox outbox;
    private final UpdatePacing updatePacing;
    private DrainReport drainReport = new DrainReport();

    public DeliverOutbox(Outbox outbox, Changes changes, ChangeViews views, SlackDelivery delivery,
                         Transactions transactions, Clock clock, ChannelPacing pacing, Notices notices,
                         DeliverNotices noticeWorker, UpdatePacing updatePacing) {
        super(outbox, transactions, clock);
        this.outbox = outbox;
        this.updatePacing = updatePacing;
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

    /**
     * As {@link #drain()}, stopping between posts as soon as {@code keepGoing} says so (shutdown).
     * One drain at a time per node: the report of the drain is this worker's.
     */
    public synchronized int drain(BooleanSupplier keepGoing) {
        drainReport = new DrainReport();
        // Messages first: a notice for a change's thread finds the message it replies under.
        int delivered = drainQueue(keepGoing);
        drainReport.log();
        return delivered + noticeWorker.drain(keepGoing);
    }

    @Override
    protected boolean deliver(OutboxEntry entry) {
        var now = clock.instant();
        // The change and, for an update, its slot in the workspace's pace: one transaction.
        var ready = transactions.inTransaction(() -> changes.find(entry.workspaceId(), entry.changeId())
                .map(change -> new Ready(change, change.message().isEmpty() || entry.holdsSlot() ? now
                        : updatePacing.reserve(entry.workspaceId(), now))));
        if (ready.isEmpty()) {
            return settle(entry, new SlackDelivery.Result.Failed("the change no longer exists", false), now, () -> { },
                    () -> { });
        }
        var change = ready.get().change();
        var posting = change.message().isEmpty();
        var channel = change.message().map(MessageRef::channelId).orElse(change.originChannelId());
        if (posting && !paced(pacing, entry, channel, now)) {
            return false;
        }
        var slot = ready.get().slot();
        if (slot.isAfter(now)) {
            // Not a failure: the update goes at its slot, showing the state the change has then.
            report(() -> outbox.waitForSlot(entry, slot));
            drainReport.waitsForSlot(slot);
            return false;
        }
        var result = delivery.deliver(views.of(change), change.message());
        if (!posting && result instanceof SlackDelivery.Result.RateLimited limited) {
            // chat.update's limit is the workspace's: no other update goes before Retry-After either.
            report(() -> updatePacing.rateLimited(entry.workspaceId(), now.plus(limited.retryAfter())));
        }
        boolean delivered = settle(entry, result, now, () -> {
            if (posting) {
                change.attachMessage(((SlackDelivery.Result.Delivered) result).message());
                changes.saveMessage(change);
            }
        }, () -> {
            if (posting) {
                WhoIsTold.changeNotPosted(change, ((SlackDelivery.Result.Failed) result).error()).forEach(notices::send);
            }
        });
        if (delivered) {
            drainReport.delivered(Duration.between(entry.announcedAt(), clock.instant()));
        }
        return delivered;
    }

    /** A claimed entry's change, and the moment its update may go (now for a post). */
    private record Ready(Change change, Instant slot) {
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
