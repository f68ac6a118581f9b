package dev.changebot.application.delivery;

import dev.changebot.application.port.ChannelPacing;
import dev.changebot.application.port.Notices;
import dev.changebot.application.port.Outbox;
import dev.changebot.application.port.OutboxEntry;
import dev.changebot.application.port.SlackDelivery;
import dev.changebot.application.port.Transactions;
import dev.changebot.application.port.UpdatePacing;
import dev.changebot.application.query.ChangeView;
import dev.changebot.application.query.ChangeViews;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.notice.WhoIsTold;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(DeliverOutbox.class);

    private final Changes changes;
    private final ChangeViews views;
    private final SlackDelivery delivery;
    private final ChannelPacing pacing;
    private final Notices notices;
    private final DeliverNotices noticeWorker;
    private final Outbox outbox;
    private final UpdatePacing updatePacing;
    private final BatchReads reads;
    // What one drain (one thread at a time: drain is synchronized) knows while it runs.
    private DrainReport drainReport = new DrainReport();
    /** The claimed batch's changes and update slots, read at once. */
    private Map<Long, BatchReads.Ready> batch = Map.of();
    /** The batch's writes that wait for its end. */
    private final List<Runnable> settled = new ArrayList<>();
    /** The batch's updates that wait for their slots, written at its end in one statement. */
    private final Map<OutboxEntry, Instant> waiting = new LinkedHashMap<>();
    /** Workspaces whose chat.update Slack answered 429 during this drain, until when. */
    private final Map<String, Instant> pausedUntil = new HashMap<>();

    public DeliverOutbox(Outbox outbox, Changes changes, ChangeViews views, SlackDelivery delivery,
                         Transactions transactions, Clock clock, ChannelPacing pacing, Notices notices,
                         DeliverNotices noticeWorker, UpdatePacing updatePacing, BatchReads reads) {
        super(outbox, transactions, clock);
        this.reads = reads;
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
        pausedUntil.clear();
        // Messages first: a notice for a change's thread finds the message it replies under.
        int delivered = drainQueue(keepGoing);
        drainReport.log();
        return delivered + noticeWorker.drain(keepGoing);
    }

    /** Whether the last drain claimed anything, messages or notices: if not, both queues had nothing due. */
    public boolean lastDrainClaimed() {
        return claimedByLastDrain() > 0 || noticeWorker.claimedByLastDrain() > 0;
    }

    /** The earliest instant at which something this node sent back, message or notice, is due again. */
    public Optional<Instant> earliestDueAgain() {
        return Stream.of(nextDueAgain(), noticeWorker.nextDueAgain()).flatMap(Optional::stream).min(Instant::compareTo);
    }

    /**
     * One transaction for the whole batch ({@link BatchReads}): the update slots its entries need, then the
     * changes of the entries that go now. A change read here may be older than its entry's newest
     * announcement; the version check on delivery keeps such an entry pending.
     */
    @Override
    protected void beforeBatch(List<OutboxEntry> due, Instant now) {
        if (due.isEmpty()) {
            // The pump's every tick when there is nothing to send: no transaction for nothing.
            batch = Map.of();
            return;
        }
        try {
            batch = prepare(due, now);
        } catch (RuntimeException e) {
            // Each entry is then prepared on its own, and a failure counts against that entry alone.
            LOG.warn("Reading the changes of {} Slack messages at once failed; one by one instead", due.size(), e);
            batch = Map.of();
        }
    }

    private Map<Long, BatchReads.Ready> prepare(List<OutboxEntry> due, Instant now) {
        return transactions.inTransaction(() -> reads.prepare(due, now));
    }

    /** Delivered updates and updates left waiting for their slots, written in one transaction. */
    @Override
    protected void afterBatch() {
        batch = Map.of();
        if (!settled.isEmpty() || !waiting.isEmpty()) {
            var writes = List.copyOf(settled);
            var slots = new LinkedHashMap<>(waiting);
            settled.clear();
            waiting.clear();
            report(() -> {
                writes.forEach(Runnable::run);
                if (!slots.isEmpty()) {
                    outbox.waitForSlots(slots);
                }
            });
        }
    }

    @Override
    protected boolean deliver(OutboxEntry entry) {
        var now = clock.instant();
        var ready = batch.containsKey(entry.id()) ? batch.get(entry.id()) : prepare(List.of(entry), now).get(entry.id());
        if (ready.slot().isAfter(now)) {
            return awaitSlot(entry, ready.slot(), now);
        }
        if (ready.change().isEmpty()) {
            return settle(entry, new SlackDelivery.Result.Failed("the change no longer exists", false), now, () -> { },
                    () -> { });
        }
        var change = ready.change().get();
        var view = views.of(change).with(ready.pipeline()).withConflicts(ready.conflicts());
        var posting = change.message().isEmpty();
        if (posting) {
            return post(entry, change, view, now);
        }
        if (pausedNow(entry, now)) {
            return false;
        }
        var result = delivery.deliver(view, change.message());
        if (result instanceof SlackDelivery.Result.Delivered) {
            // Written with the rest of the batch: a crash before that sends this update again, which
            // shows the same state; a post (below) is written at once, as a second post would show.
            settled.add(() -> outbox.delivered(entry, now));
            drainReport.delivered(Duration.between(entry.announcedAt(), clock.instant()));
            return true;
        }
        if (result instanceof SlackDelivery.Result.RateLimited limited) {
            // chat.update's limit is the workspace's: no other update goes before Retry-After either.
            var until = now.plus(limited.retryAfter());
            pausedUntil.put(entry.workspaceId(), until);
            report(() -> updatePacing.rateLimited(entry.workspaceId(), until));
        }
        return settle(entry, result, now, () -> { }, () -> { });
    }

    /** An update whose slot is later (its change not read): it goes at its slot, showing the change as it is then. */
    private boolean awaitSlot(OutboxEntry entry, Instant slot, Instant now) {
        if (!pausedNow(entry, now)) {
            // Not a failure; written with the rest of the batch in one statement.
            waiting.put(entry, slot);
            dueAgainAt(slot);
            drainReport.waitsForSlot(slot);
        }
        return false;
    }

    /** Slack said 429 for this workspace's updates during this drain: the entry waits for Retry-After. */
    private boolean pausedNow(OutboxEntry entry, Instant now) {
        var paused = pausedUntil.get(entry.workspaceId());
        if (paused != null && paused.isAfter(now)) {
            // Its slot was taken before Slack said 429: it takes another once Retry-After is over.
            dueAgainAt(paused);
            settled.add(() -> outbox.postpone(entry, paused, "rate limited"));
            return true;
        }
        return false;
    }

    private boolean post(OutboxEntry entry, Change change, ChangeView view, Instant now) {
        if (!paced(pacing, entry, change.originChannelId(), now)) {
            return false;
        }
        var result = delivery.deliver(view, change.message());
        boolean delivered = settle(entry, result, now, () -> {
            change.attachMessage(((SlackDelivery.Result.Delivered) result).message());
            changes.saveMessage(change);
        }, () -> WhoIsTold.changeNotPosted(change, ((SlackDelivery.Result.Failed) result).error()).forEach(notices::send));
        if (delivered) {
            drainReport.delivered(Duration.between(entry.announcedAt(), clock.instant()));
        }
        return delivered;
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
