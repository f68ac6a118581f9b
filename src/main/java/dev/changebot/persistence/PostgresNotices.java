package dev.changebot.persistence;

import dev.changebot.application.Notice;
import dev.changebot.application.NoticeOutbox;
import dev.changebot.application.Notices;
import dev.changebot.domain.change.ChangeId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;

/** Notices in PostgreSQL: queued in the caller's transaction, claimed by workers with SKIP LOCKED and a lease. */
@Singleton
class PostgresNotices extends PostgresQueue<NoticeOutbox.Queued> implements Notices, NoticeOutbox {

    private static final String SEND = """
            INSERT INTO slack_notice (workspace_id, change_number, recipient, text, in_thread, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final Clock clock;

    PostgresNotices(JdbcOperations jdbc, Clock clock) {
        super(new QueueTable<>(jdbc, "slack_notice", "id, workspace_id, change_number, recipient, text, in_thread, attempts",
                row -> new Queued(row.getLong("id"), new Notice(row.getString("workspace_id"),
                        new ChangeId(row.getLong("change_number")), row.getString("recipient"), row.getString("text"),
                        row.getBoolean("in_thread")), row.getInt("attempts"))), Queued::id);
        this.clock = clock;
    }

    @Override
    public void send(Notice notice) {
        var now = Timestamp.from(clock.instant());
        table.update(SEND, notice.workspaceId(), notice.changeId().number(), notice.recipient(), notice.text(),
                notice.inThread(), now, now);
    }
}
