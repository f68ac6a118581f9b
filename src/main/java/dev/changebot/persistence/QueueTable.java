package dev.changebot.persistence;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping the Slack queue tables share (attempts, next attempt, delivered, failed, last
 * error) and their claim: due rows, oldest first, locked with SKIP LOCKED and leased by moving
 * their next attempt past the lease.
 */
final class QueueTable<T> {

    /** Reads one claimed row. */
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;
    private final String table;
    private final String claim;
    private final RowReader<T> reader;

    /** {@code table} is one of our own table names, never input. */
    QueueTable(JdbcOperations jdbc, ConnectionOperations<Connection> connections, String table, String returnedColumns,
               RowReader<T> reader) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.table = table;
        this.reader = reader;
        this.claim = "UPDATE " + table + " SET next_attempt_at = ?"
                + " WHERE id IN (SELECT id FROM " + table
                + " WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + returnedColumns;
    }

    List<T> claimDue(Instant now, Duration lease, int limit) {
        return claim(claim, Timestamp.from(now.plus(lease)), Timestamp.from(now), limit);
    }

    /**
     * Runs a claim of this table's own ({@code sql} returns the rows claimed): in the caller's transaction, or
     * autocommitted on a connection of its own. A claim is one statement, so it needs no transaction around it:
     * a drain with nothing due (the pump's every idle look) is one round trip, not a BEGIN, a claim and a COMMIT.
     */
    List<T> claim(String sql, Object... parameters) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> jdbc.prepareStatement(sql,
                (PreparedStatement statement) -> {
                    try {
                        for (int i = 0; i < parameters.length; i++) {
                            statement.setObject(i + 1, parameters[i]);
                        }
                        var claimed = new ArrayList<T>();
                        try (var rows = statement.executeQuery()) {
                            while (rows.next()) {
                                claimed.add(reader.read(rows));
                            }
                        }
                        return claimed;
                    } catch (SQLException e) {
                        throw new IllegalStateException("Could not claim from " + table, e);
                    }
                }));
    }

    void delivered(long id, Instant at) {
        update("UPDATE " + table + " SET delivered_at = ?, last_error = NULL WHERE id = ?", Timestamp.from(at), id);
    }

    void retryAt(long id, Instant next, String error) {
        update("UPDATE " + table + " SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(next), error, id);
    }

    void postpone(long id, Instant next, String why) {
        update("UPDATE " + table + " SET next_attempt_at = ?, last_error = ? WHERE id = ?", Timestamp.from(next), why, id);
    }

    void failed(long id, Instant at, String error) {
        update("UPDATE " + table + " SET attempts = attempts + 1, failed_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(at), error, id);
    }

    int prune(Instant settledBefore) {
        var before = Timestamp.from(settledBefore);
        return update("DELETE FROM " + table + " WHERE delivered_at < ? OR failed_at < ?", before, before);
    }

    /** Runs a write with positional parameters in the caller's transaction; returns the rows it touched. */
    int update(String sql, Object... parameters) {
        return SqlWrites.update(jdbc, "write " + table, sql, parameters);
    }
}
