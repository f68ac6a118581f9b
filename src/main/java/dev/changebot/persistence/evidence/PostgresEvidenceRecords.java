package dev.changebot.persistence.evidence;

import dev.changebot.application.evidence.EvidenceRecords;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.VerifierKey;
import dev.changebot.domain.evidence.EvidenceData;
import dev.changebot.domain.evidence.EvidenceData.CarriedCheckpoint;
import dev.changebot.domain.evidence.Period;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The server's evidence reads: one read-only, repeatable-read transaction each, so the CSVs, the
 * chain and the checkpoint in a pack are one moment's state even while changes keep moving.
 */
@Singleton
class PostgresEvidenceRecords implements EvidenceRecords {

    private static final TransactionDefinition SNAPSHOT = snapshot();

    private final TransactionOperations<Connection> transactions;

    PostgresEvidenceRecords(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public EvidenceData read(String workspaceId, Period period) {
        return inSnapshot("read the evidence", queries -> queries.read(workspaceId, period));
    }

    @Override
    public Optional<ChangeTrail> trail(String workspaceId, long number) {
        return inSnapshot("read a change's trail", queries -> queries.trail(workspaceId, number));
    }

    @Override
    public CarriedCheckpoint recordCheckpoint(Checkpoint checkpoint, String note, VerifierKey key) {
        return transactions.executeWrite(status -> {
            try {
                return new EvidenceQueries(status.getConnection()).recordCheckpoint(checkpoint, note, key);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record the export's checkpoint", e);
            }
        });
    }

    @Override
    public void readChain(String workspaceId, long upTo, ChainSink sink) {
        inSnapshot("read the audit chain", queries -> {
            queries.readChain(workspaceId, upTo, sink);
            return null;
        });
    }

    @Override
    public List<String> workspaces() {
        return inSnapshot("list workspaces", EvidenceQueries::workspaces);
    }

    private <T> T inSnapshot(String what, Read<T> read) {
        return transactions.execute(SNAPSHOT, status -> {
            try {
                return read.from(new EvidenceQueries(status.getConnection()));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not " + what, e);
            }
        });
    }

    private static TransactionDefinition snapshot() {
        var definition = new DefaultTransactionDefinition();
        definition.setReadOnly(true);
        definition.setIsolationLevel(TransactionDefinition.Isolation.REPEATABLE_READ);
        definition.setName("evidence snapshot");
        return definition;
    }

    interface Read<T> {
        T from(EvidenceQueries queries) throws SQLException;
    }
}
