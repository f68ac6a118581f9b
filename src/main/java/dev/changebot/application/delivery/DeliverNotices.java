package dev.changebot.application.delivery;

import dev.changebot.application.port.ChangeMessagesToPost;
import dev.changebot.application.port.ChannelPacing;
import dev.changebot.application.port.NoticeOutbox;
import dev.changebot.application.port.SlackDelivery;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.MessageRef;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Delivers queued notices, each once, the way change messages are delivered ({@link QueueWorker},
 * {@link ChannelPacing}). A notice meant for the change's thread goes under its message, or plainly
 * to its channel when the change has no message (after waiting for it while it is queued). A notice of a
 * conflict lets the channel's change messages go first. The chat adapter writes the notice from the facts
 * stored when it was decided ({@link SlackDelivery#postNotice}), as it is delivered.
 */
@Singleton
public class DeliverNotices extends QueueWorker<NoticeOutbox.Queued> {

    private final Changes changes;
    private final SlackDelivery delivery;
    private final ChannelPacing pacing;
    private final ChangeMessagesToPost messages;

    public DeliverNotices(NoticeOutbox outbox, Changes changes, SlackDelivery delivery, ChannelPacing pacing,
                          ChangeMessagesToPost messages, Transactions transactions, Clock clock) {
        super(outbox, transactions, clock);
        this.messages = messages;
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
        var thread = queued.inChangeThread()
                ? queued.changeId().flatMap(id -> transactions.inTransaction(() -> changes.find(queued.workspaceId(), id)))
                        .flatMap(c -> c.message())
                : Optional.<MessageRef>empty();
        var channel = thread.map(MessageRef::channelId).orElse(queued.to());
        var waitFor = waitingFor(queued, thread, channel);
        if (waitFor.isPresent()) {
            postpone(queued, now.plus(ChannelPacing.PER_CHANNEL), waitFor.get());
            return false;
        }
        if (!paced(pacing, queued, channel, now)) {
            return false;
        }
        var threadTs = thread.map(MessageRef::messageTs);
        var result = queued instanceof NoticeOutbox.QueuedNotice notice
                ? delivery.postNotice(channel, notice.notice(), threadTs)
                : delivery.postText(channel, ((NoticeOutbox.QueuedText) queued).text(), threadTs);
        return settle(queued, result, now, () -> { }, () -> { });
    }

    /**
     * Why it waits, if it does: a thread notice waits for its change's message while that is queued (else it
     * would land in the channel on its own); a notice that can wait lets the channel's change messages go first.
     */
    private Optional<String> waitingFor(NoticeOutbox.Queued queued, Optional<MessageRef> thread, String channel) {
        boolean forUnpostedMessage = queued.inChangeThread() && thread.isEmpty() && queued.changeId().isPresent();
        if (!forUnpostedMessage && !queued.yieldsToChangeMessages()) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> {
            if (forUnpostedMessage && messages.queuedFor(queued.workspaceId(), queued.changeId().get())) {
                return Optional.of("waiting for the change's message");
            }
            if (queued.yieldsToChangeMessages() && messages.queuedIn(queued.workspaceId(), channel)) {
                return Optional.of("waiting for the change messages of " + channel);
            }
            return Optional.<String>empty();
        });
    }

    @Override
    protected int attempts(NoticeOutbox.Queued queued) {
        return queued.attempts();
    }

    @Override
    protected String describe(NoticeOutbox.Queued queued) {
        return "notice " + queued.id() + " to " + queued.to() + " about " + queued.changeId().map(Object::toString).orElse("no change");
    }
}
