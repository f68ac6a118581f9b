package dev.changebot.persistence;

import dev.changebot.application.port.TimerStore;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.TimerKind;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Durable timers in PostgreSQL. */
@Singleton
class PostgresTimers implements TimerStore {

    private static final String COLUMNS = "id, workspace_id, change_number, kind, ref, due_at";

    private final JdbcOperations jdbc;
    private final TimerLateness lateness;
    private final ConnectionOperations<Connection> connections;

    PostgresTimers(JdbcOperations jdbc, TimerLateness lateness, ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.lateness = lateness;
        this.connections = connections;
    }

    @Override
    public long add(Change change, TimerKind kind, String ref, Instant dueAt) {
        var sql = "INSERT INTO change_timer (workspace_id, change_number, kind, ref, due_at) VALUES (?, ?, ?, ?, ?) RETURNING id";
        return jdbc.prepareStatement(sql, statement -> {
            try {
                statement.setString(1, change.workspaceId());
                statement.setLong(2, change.id().number());
                statement.setString(3, kind.name());
                statement.setString(4, ref);
                statement.setTimestamp(5, Timestamp.from(dueAt));
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not store a timer", e);
            }
        });
    }

    @Override
    public Optional<Timer> findPending(long id) {
        return query("SELECT " + COLUMNS + " FROM change_timer WHERE id = ? AND status = 'PENDING'", id).stream().findFirst();
    }

    @Override
    public Optional<Timer> lockPending(long id) {
        var found = query("SELECT " + COLUMNS + " FROM change_timer WHERE id = ? AND status = 'PENDING' FOR UPDATE", id);
        return found.stream().findFirst();
    }

    @Override
    public void fired(long id, Instant at, long lateByMillis, String outcome, String firedBy) {
        update("UPDATE change_timer SET status = 'FIRED', fired_at = ?, late_by_ms = ?, outcome = ?, fired_by = ? WHERE id = ?",
                Timestamp.from(at), lateByMillis, outcome, firedBy, id);
        // Observed with the write, in its transaction: a firing rolled back after this still counts
        // (rare: the write is the firing's last statement), a firing never recorded never does.
        lateness.observe(lateByMillis);
    }

    @Override
    public void cancelAll(Change change, TimerKind kind, Optional<String> ref) {
        if (ref.isEmpty()) {
            update("UPDATE change_timer SET status = 'CANCELLED' WHERE workspace_id = ? AND change_number = ? AND kind = ?"
                    + " AND status = 'PENDING'", change.workspaceId(), change.id().number(), kind.name());
        } else {
            update("UPDATE change_timer SET status = 'CANCELLED' WHERE workspace_id = ? AND change_number = ? AND kind = ?"
                    + " AND ref = ? AND status = 'PENDING'", change.workspaceId(), change.id().number(), kind.name(), ref.get());
        }
    }

    @Override
    public Optional<Claim> claimDue(Instant dueBy, Instant now) {
        // Served by the partial index change_timer_pending in due order; SKIP LOCKED lets pollers on
        // every node (and every worker of one) take different timers without waiting on each other.
        var sql = "SELECT id, attempts FROM change_timer WHERE status = 'PENDING' AND due_at <= ?"
                + " AND (retry_at IS NULL OR retry_at <= ?) ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED";
        return jdbc.prepareStatement(sql, statement -> {
            try {
                statement.setTimestamp(1, Timestamp.from(dueBy));
                statement.setTimestamp(2, Timestamp.from(now));
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(new Claim(rows.getLong("id"), rows.getInt("attempts"))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not claim a due timer", e);
            }
        });
    }

    @Override
    public Optional<Instant> nextClaimable() {
        // Two index lookups (change_timer_pending, change_timer_retrying); LEAST skips a NULL. In the caller's
        // transaction, or autocommitted on a connection of its own: the idle poller's look is this one read.
        var sql = "SELECT LEAST((SELECT min(due_at) FROM change_timer WHERE status = 'PENDING' AND retry_at IS NULL),"
                + " (SELECT min(retry_at) FROM change_timer WHERE status = 'PENDING' AND retry_at IS NOT NULL)) AS next";
        return connections.execute(ConnectionDefinition.READ_ONLY, status -> jdbc.prepareStatement(sql, statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                var next = rows.getTimestamp("next");
                return Optional.ofNullable(next).map(Timestamp::toInstant);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the next timer", e);
            }
        }));
    }

    @Override
    public void failed(long id, Instant retryAt) {
        update("UPDATE change_timer SET attempts = attempts + 1, retry_at = ? WHERE id = ? AND status = 'PENDING'",
                Timestamp.from(retryAt), id);
    }

    private List<Timer> query(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                var timers = new ArrayList<Timer>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        timers.add(new Timer(rows.getLong("id"), rows.getString("workspace_id"),
                                new ChangeId(rows.getLong("change_number")), rows.getString("kind"), rows.getString("ref"),
                                rows.getTimestamp("due_at").toInstant()));
                    }
                }
                return timers;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read timers", e);
            }
        });
    }

    private void update(String sql, Object... parameters) {
        SqlWrites.update(jdbc, "update a timer", sql, parameters);
    }
}
