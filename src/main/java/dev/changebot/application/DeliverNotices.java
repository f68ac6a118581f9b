package dev.changebot.application;

import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.MessageRef;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Delivers queued notices, each once, the way change messages are delivered ({@link QueueWorker},
 * {@link ChannelPacing}). A notice meant for the change's thread goes under its message, or plainly
 * to its recipient when the change has no message.
 */
@Singleton
public class DeliverNotices extends QueueWorker<NoticeOutbox.Queued> {

    private final Changes changes;
    private final SlackDelivery delivery;
    private final ChannelPacing pacing;

    public DeliverNotices(NoticeOutbox outbox, Changes changes, SlackDelivery delivery, ChannelPacing pacing,
                          Transactions transactions, Clock clock) {
        super(outbox, transactions, clock);
        this.changes = changes;
        this.delivery = delivery;
        this.pacing = pacing;
    }

    public int drain(BooleanSupplier keepGoing) {
        return drainQueue(keepGoing);
    }

    @Override
    protected boolean deliver(NoticeOutbox.Queued queued) {
        var now = clock.instant();
        var notice = queued.notice();
        var thread = notice.inThread() ? transactions.inTransaction(() -> changes.find(notice.workspaceId(), notice.changeId()))
                .flatMap(c -> c.message()) : Optional.<MessageRef>empty();
        var channel = thread.map(MessageRef::channelId).orElse(notice.recipient());
        if (!paced(pacing, queued, channel, now)) {
            return false;
        }
        var result = delivery.post(channel, notice.text(), thread.map(MessageRef::messageTs));
        return settle(queued, result, now, () -> { }, () -> { });
    }

    @Override
    protected int attempts(NoticeOutbox.Queued queued) {
        return queued.attempts();
    }

    @Override
    protected String describe(NoticeOutbox.Queued queued) {
        return "notice " + queued.id() + " to " + queued.notice().recipient() + " about " + queued.notice().changeId();
    }
}
