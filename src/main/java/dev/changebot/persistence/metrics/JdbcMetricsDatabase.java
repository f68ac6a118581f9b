package dev.changebot.persistence.metrics;

import dev.changebot.application.metrics.MetricFactsReader;
import dev.changebot.application.metrics.MetricsDatabase;
import dev.changebot.domain.metrics.MetricFacts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Metric facts read from a database by address, for the command line: a plain JDBC connection per
 * read, read-only and repeatable-read, as the server reads them. Listed in META-INF/services.
 */
public final class JdbcMetricsDatabase implements MetricsDatabase {

    @Override
    public MetricFactsReader at(String jdbcUrl, String user, String password) {
        return new MetricFactsReader() {
            @Override
            public MetricFacts read(String workspaceId, Instant from, Instant until) {
                return withConnection(jdbcUrl, user, password, q -> q.read(workspaceId, from, until));
            }

            @Override
            public List<String> workspaces() {
                return withConnection(jdbcUrl, user, password, MetricFactsQueries::workspaces);
            }
        };
    }

    interface Read<T> {
        T from(MetricFactsQueries queries) throws SQLException;
    }

    private static <T> T withConnection(String url, String user, String password, Read<T> read) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return read.from(new MetricFactsQueries(connection));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + url + ": " + e.getMessage(), e);
        }
    }
}
