package dev.changebot.persistence;

import dev.changebot.application.port.ChangeAnnouncer;
import dev.changebot.application.port.Outbox;
import dev.changebot.application.port.OutboxEntry;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * The Slack outbox in PostgreSQL. Announcing writes (or re-dirties) the change's one pending row
 * in the caller's transaction; workers claim due rows with SKIP LOCKED and a lease.
 */
@Singleton
class PostgresOutbox extends PostgresQueue<OutboxEntry> implements Outbox, ChangeAnnouncer {

    private static final String ANNOUNCE = """
            INSERT INTO slack_outbox (workspace_id, change_number, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (workspace_id, change_number) WHERE delivered_at IS NULL AND failed_at IS NULL
            DO UPDATE SET version = slack_outbox.version + 1,
                          next_attempt_at = LEAST(slack_outbox.next_attempt_at, EXCLUDED.next_attempt_at)""";

    private final Clock clock;

    PostgresOutbox(JdbcOperations jdbc, Clock clock) {
        super(new QueueTable<>(jdbc, "slack_outbox", "id, workspace_id, change_number, attempts, version",
                row -> new OutboxEntry(row.getLong("id"), row.getString("workspace_id"),
                        new ChangeId(row.getLong("change_number")), row.getInt("attempts"), row.getInt("version"))),
                OutboxEntry::id);
        this.clock = clock;
    }

    @Override
    public void changed(Change change) {
        var now = Timestamp.from(clock.instant());
        table.update(ANNOUNCE, change.workspaceId(), change.id().number(), now, now);
    }

    /** Done, unless a newer announcement bumped the version meanwhile: then it is due again at once, newest state. */
    @Override
    public void delivered(OutboxEntry entry, Instant at) {
        int done = table.update("UPDATE slack_outbox SET delivered_at = ?, last_error = NULL WHERE id = ? AND version = ?",
                Timestamp.from(at), entry.id(), entry.version());
        if (done == 0) {
            table.update("UPDATE slack_outbox SET next_attempt_at = ? WHERE id = ?", Timestamp.from(at), entry.id());
        }
    }
}
