package dev.changebot.persistence;

import dev.changebot.application.Notice;
import dev.changebot.application.NoticeOutbox;
import dev.changebot.application.Notices;
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

/** Notices in PostgreSQL: queued in the caller's transaction, claimed by workers with SKIP LOCKED and a lease. */
@Singleton
class PostgresNotices implements Notices, NoticeOutbox {

    private static final String SEND = """
            INSERT INTO slack_notice (workspace_id, change_number, recipient, text, in_thread, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String CLAIM = """
            UPDATE slack_notice SET next_attempt_at = ?
             WHERE id IN (SELECT id FROM slack_notice
                           WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
                           ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, workspace_id, change_number, recipient, text, in_thread, attempts""";

    private final JdbcOperations jdbc;
    private final Clock clock;

    PostgresNotices(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(Notice notice) {
        var now = Timestamp.from(clock.instant());
        update(SEND, notice.workspaceId(), notice.changeId().number(), notice.recipient(), notice.text(),
                notice.inThread(), now, now);
    }

    @Override
    public List<Queued> claimDue(Instant now, Duration lease, int limit) {
        var claimed = jdbc.prepareStatement(CLAIM, statement -> {
            try {
                statement.setTimestamp(1, Timestamp.from(now.plus(lease)));
                statement.setTimestamp(2, Timestamp.from(now));
                statement.setInt(3, limit);
                var queued = new ArrayList<Queued>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        var notice = new Notice(rows.getString("workspace_id"), new ChangeId(rows.getLong("change_number")),
                                rows.getString("recipient"), rows.getString("text"), rows.getBoolean("in_thread"));
                        queued.add(new Queued(rows.getLong("id"), notice, rows.getInt("attempts")));
                    }
                }
                return queued;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not claim notices", e);
            }
        });
        // RETURNING does not keep the subquery's order; deliver oldest first.
        claimed.sort(java.util.Comparator.comparingLong(Queued::id));
        return claimed;
    }

    @Override
    public void delivered(Queued notice, Instant at) {
        update("UPDATE slack_notice SET delivered_at = ?, last_error = NULL WHERE id = ?", Timestamp.from(at), notice.id());
    }

    @Override
    public void retryAt(Queued notice, Instant next, String error) {
        update("UPDATE slack_notice SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(next), error, notice.id());
    }

    @Override
    public void postpone(Queued notice, Instant next, String why) {
        update("UPDATE slack_notice SET next_attempt_at = ?, last_error = ? WHERE id = ?", Timestamp.from(next), why,
                notice.id());
    }

    @Override
    public void failed(Queued notice, Instant at, String error) {
        update("UPDATE slack_notice SET attempts = attempts + 1, failed_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(at), error, notice.id());
    }

    private void update(String sql, Object... parameters) {
        Statements.update(jdbc, "write the notices", sql, parameters);
    }
}
