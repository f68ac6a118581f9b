package dev.changebot.persistence;

import dev.changebot.application.ChangeAnnouncer;
import dev.changebot.application.Outbox;
import dev.changebot.application.OutboxEntry;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Slack outbox in PostgreSQL. Announcing writes (or re-dirties) the change's one pending row
 * in the caller's transaction; workers claim due rows with SKIP LOCKED and a lease.
 */
@Singleton
class PostgresOutbox implements Outbox, ChangeAnnouncer {

    private static final String ANNOUNCE = """
            INSERT INTO slack_outbox (workspace_id, change_number, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (workspace_id, change_number) WHERE delivered_at IS NULL AND failed_at IS NULL
            DO UPDATE SET version = slack_outbox.version + 1,
                          next_attempt_at = LEAST(slack_outbox.next_attempt_at, EXCLUDED.next_attempt_at)""";
    private static final String CLAIM = """
            UPDATE slack_outbox SET next_attempt_at = ?
             WHERE id IN (SELECT id FROM slack_outbox
                           WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
                           ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, workspace_id, change_number, attempts, version""";

    private final JdbcOperations jdbc;
    private final Clock clock;

    PostgresOutbox(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void changed(Change change) {
        var now = Timestamp.from(clock.instant());
        update(ANNOUNCE, change.workspaceId(), change.id().number(), now, now);
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.prepareStatement(CLAIM, statement -> {
            try {
                statement.setTimestamp(1, Timestamp.from(now.plus(lease)));
                statement.setTimestamp(2, Timestamp.from(now));
                statement.setInt(3, limit);
                var entries = new ArrayList<OutboxEntry>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new OutboxEntry(rows.getLong("id"), rows.getString("workspace_id"),
                                new ChangeId(rows.getLong("change_number")), rows.getInt("attempts"), rows.getInt("version")));
                    }
                }
                return entries;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not claim outbox entries", e);
            }
        });
    }

    @Override
    public void delivered(OutboxEntry entry, Instant at) {
        // A newer announcement bumped the version: deliver again, at once, with the newest state.
        int done = update("UPDATE slack_outbox SET delivered_at = ?, last_error = NULL WHERE id = ? AND version = ?",
                Timestamp.from(at), entry.id(), entry.version());
        if (done == 0) {
            update("UPDATE slack_outbox SET next_attempt_at = ? WHERE id = ?", Timestamp.from(at), entry.id());
        }
    }

    @Override
    public void retryAt(OutboxEntry entry, Instant next, String error) {
        update("UPDATE slack_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(next), error, entry.id());
    }

    @Override
    public void postpone(OutboxEntry entry, Instant next, String why) {
        update("UPDATE slack_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?", Timestamp.from(next), why,
                entry.id());
    }

    @Override
    public void failed(OutboxEntry entry, Instant at, String error) {
        update("UPDATE slack_outbox SET attempts = attempts + 1, failed_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(at), error, entry.id());
    }

    private int update(String sql, Object... parameters) {
        return Statements.update(jdbc, "write the outbox", sql, parameters);
    }
}
