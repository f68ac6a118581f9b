package dev.changebot.persistence;

import dev.changebot.application.ChangeAnnouncer;
import dev.changebot.application.Outbox;
import dev.changebot.application.OutboxEntry;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private final QueueTable<OutboxEntry> table;
    private final Clock clock;

    PostgresOutbox(JdbcOperations jdbc, Clock clock) {
        this.clock = clock;
        this.table = new QueueTable<>(jdbc, "slack_outbox", "id, workspace_id, change_number, attempts, version",
                row -> new OutboxEntry(row.getLong("id"), row.getString("workspace_id"),
                        new ChangeId(row.getLong("change_number")), row.getInt("attempts"), row.getInt("version")));
    }

    @Override
    public void changed(Change change) {
        var now = Timestamp.from(clock.instant());
        table.update(ANNOUNCE, change.workspaceId(), change.id().number(), now, now);
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, Duration lease, int limit) {
        return table.claimDue(now, lease, limit);
    }

    @Override
    public void delivered(OutboxEntry entry, Instant at) {
        // A newer announcement bumped the version: deliver again, at once, with the newest state.
        int done = table.update("UPDATE slack_outbox SET delivered_at = ?, last_error = NULL WHERE id = ? AND version = ?",
                Timestamp.from(at), entry.id(), entry.version());
        if (done == 0) {
            table.update("UPDATE slack_outbox SET next_attempt_at = ? WHERE id = ?", Timestamp.from(at), entry.id());
        }
    }

    @Override
    public void retryAt(OutboxEntry entry, Instant next, String error) {
        table.retryAt(entry.id(), next, error);
    }

    @Override
    public void postpone(OutboxEntry entry, Instant next, String why) {
        table.postpone(entry.id(), next, why);
    }

    @Override
    public void failed(OutboxEntry entry, Instant at, String error) {
        table.failed(entry.id(), at, error);
    }

    @Override
    public int prune(Instant settledBefore) {
        return table.prune(settledBefore);
    }
}
