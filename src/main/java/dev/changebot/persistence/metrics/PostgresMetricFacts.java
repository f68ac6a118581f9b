package dev.changebot.persistence.metrics;

import dev.changebot.application.metrics.MetricFactsReader;
import dev.changebot.domain.metrics.MetricFacts;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The server's metric reads: one read-only, repeatable-read transaction each, so a report is one moment's record. */
@Singleton
class PostgresMetricFacts implements MetricFactsReader {

    private final TransactionOperations<Connection> transactions;

    PostgresMetricFacts(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public MetricFacts read(String workspaceId, Instant from, Instant until) {
        return inSnapshot("read the metric facts", q -> q.read(workspaceId, from, until));
    }

    @Override
    public List<String> workspaces() {
        return inSnapshot("list workspaces", MetricFactsQueries::workspaces);
    }

    private <T> T inSnapshot(String what, JdbcMetricsDatabase.Read<T> read) {
        var snapshot = new DefaultTransactionDefinition();
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.Isolation.REPEATABLE_READ);
        return transactions.execute(snapshot, status -> {
            try {
                return read.from(new MetricFactsQueries(status.getConnection()));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not " + what, e);
            }
        });
    }
}
