package dev.changebot.persistence.audit;

import dev.changebot.application.port.AuditChaining;
import dev.changebot.application.port.Transactions;
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
    private final Provider<AuditChaining> chaining;

    RecordedFacts(Transactions transactions, Provider<AuditChaining> chaining) {
        this.transactions = transactions;
        this.chaining = chaining;
    }

    public void recorded() {
        transactions.afterCommit(() -> chaining.get().chainSoon());
    }
}
