package dev.changebot.application;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.MessageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Remembers what it was asked to post or re-render; posts succeed unless told to fail. */
public class RecordingAnnouncer implements ChangeAnnouncer {

    /** One call, with the change as it was at that moment and whether a transaction was still open. */
    public record Call(ChangeId id, ChangeState state, boolean duringTransaction) {
    }

    public static final String MESSAGE_TS = "1772442000.000100";

    private final DirectTransactions transactions;
    private final List<Call> announced = new ArrayList<>();
    private final List<Call> refreshed = new ArrayList<>();
    private boolean slackIsDown;

    public RecordingAnnouncer(DirectTransactions transactions) {
        this.transactions = transactions;
    }

    /** From now on posts fail, as when the bot is not in the channel. */
    public void failPosts() {
        slackIsDown = true;
    }

    @Override
    public Optional<MessageRef> announce(Change change) {
        announced.add(call(change));
        return slackIsDown ? Optional.empty() : Optional.of(new MessageRef(change.originChannelId(), MESSAGE_TS));
    }

    @Override
    public void refresh(Change change) {
        refreshed.add(call(change));
    }

    public List<Call> announced() {
        return List.copyOf(announced);
    }

    public List<Call> refreshed() {
        return List.copyOf(refreshed);
    }

    private Call call(Change change) {
        return new Call(change.id(), change.state(), transactions.active());
    }
}
