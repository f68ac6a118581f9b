package dev.changebot.persistence.evidence;

import dev.changebot.application.evidence.EvidenceDatabase;
import dev.changebot.application.evidence.EvidenceRecords;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.VerifierKey;
import dev.changebot.domain.evidence.EvidenceData;
import dev.changebot.domain.evidence.EvidenceData.CarriedCheckpoint;
import dev.changebot.domain.evidence.Period;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Evidence read from a database by address, for the command line: a plain JDBC connection per
 * read, in a read-only repeatable-read transaction, as the server reads it. Listed in
 * META-INF/services so the command line finds it without depending on this package.
 */
public final class JdbcEvidenceDatabase implements EvidenceDatabase {

    @Override
    public EvidenceRecords at(String jdbcUrl, String user, String password) {
        return new EvidenceRecords() {
            @Override
            public EvidenceData read(String workspaceId, Period period) {
                return withConnection(jdbcUrl, user, password, q -> q.read(workspaceId, period));
            }

            @Override
            public Optional<ChangeTrail> trail(String workspaceId, long number) {
                return withConnection(jdbcUrl, user, password, q -> q.trail(workspaceId, number));
            }

            @Override
            public CarriedCheckpoint recordCheckpoint(Checkpoint checkpoint, String note, VerifierKey key) {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
                    return new EvidenceQueries(connection).recordCheckpoint(checkpoint, note, key);
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not record the export's checkpoint in " + jdbcUrl + ": "
                            + e.getMessage(), e);
                }
            }

            @Override
            public void readChain(String workspaceId, long upTo, ChainSink sink) {
                withConnection(jdbcUrl, user, password, q -> {
                    q.readChain(workspaceId, upTo, sink);
                    return null;
                });
            }

            @Override
            public List<String> workspaces() {
                return withConnection(jdbcUrl, user, password, EvidenceQueries::workspaces);
            }
        };
    }

    private static <T> T withConnection(String url, String user, String password, PostgresEvidenceRecords.Read<T> read) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return read.from(new EvidenceQueries(connection));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + url + ": " + e.getMessage(), e);
        }
    }
}
