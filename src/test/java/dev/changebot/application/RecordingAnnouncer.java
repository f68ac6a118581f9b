package dev.changebot.application;

import dev.changebot.application.port.ChangeAnnouncer;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import java.util.ArrayList;
import java.util.List;

/** Remembers every change whose message had to be brought up to date, and when. */
public class RecordingAnnouncer implements ChangeAnnouncer {

    /** One call, with the change as it was at that moment and whether a transaction was open. */
    public record Call(ChangeId id, ChangeState state, boolean duringTransaction) {
    }

    private final DirectTransactions transactions;
    private final List<Call> calls = new ArrayList<>();

    public RecordingAnnouncer(DirectTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void changed(Change change) {
        calls.add(new Call(change.id(), change.state(), transactions.active()));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }
}
