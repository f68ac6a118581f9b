package dev.changebot.persistence.audit;

import dev.changebot.application.port.AuditChaining;
import dev.changebot.application.port.GateSettling;
import dev.changebot.application.port.Transactions;
import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * What every adapter that records a fact for the audit chain does after writing it: asks the
 * sequencer to chain it once the transaction has committed (never before: an entry for a fact
 * that was rolled back cannot be, and the sequencer reads only committed rows anyway).
 */
@Singleton
public class RecordedFacts {

    private final Transactions transactions;
    private final Supplier<AuditChaining> chaining;
    private final Supplier<GateSettling> gates;

    RecordedFacts(Transactions transactions, Provider<AuditChaining> chaining, Provider<GateSettling> gates) {
        this.transactions = transactions;
        // Kept after the first look-up, as QueuedForSlack's.
        this.chaining = SupplierUtil.memoized(chaining::get);
        this.gates = SupplierUtil.memoized(gates::get);
    }

    /** Also wakes the gate: a recorded fact may be what a pending check waits for (an approval, a freeze lifted). */
    public void recorded() {
        transactions.afterCommit(() -> {
            chaining.get().chainSoon();
            gates.get().settleSoon();
        });
    }
}
