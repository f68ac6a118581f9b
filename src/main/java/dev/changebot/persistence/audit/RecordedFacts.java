package dev.changebot.persistence.audit;

import dev.changebot.application.port.AuditChaining;
import dev.changebot.application.port.GateSettling;
import dev.changebot.application.port.Transactions;
import dev.changebot.persistence.FirstUse;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * What every adapter that records a fact for the audit chain does after writing it: asks the
 * sequencer to chain it once the transaction has committed (never before: an entry for a fact
 * that was rolled back cannot be, and the sequencer reads only committed rows anyway).
 */
@Singleton
public class RecordedFacts {

    private final Transactions transactions;
    private final FirstUse<AuditChaining> chaining;
    private final FirstUse<GateSettling> gates;

    RecordedFacts(Transactions transactions, Provider<AuditChaining> chaining, Provider<GateSettling> gates) {
        this.transactions = transactions;
        this.chaining = new FirstUse<>(chaining);
        this.gates = new FirstUse<>(gates);
    }

    /** Also wakes the gate: a recorded fact may be what a pending check waits for (an approval, a freeze lifted). */
    public void recorded() {
        transactions.afterCommit(() -> {
            chaining.get().chainSoon();
            gates.get().settleSoon();
        });
    }
}
