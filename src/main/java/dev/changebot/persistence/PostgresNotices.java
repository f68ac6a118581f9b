package dev.changebot.persistence;

import dev.changebot.application.Notice;
import dev.changebot.application.NoticeOutbox;
import dev.changebot.application.Notices;
import dev.changebot.domain.change.ChangeId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Notices in PostgreSQL: queued in the caller's transaction, claimed by workers with SKIP LOCKED and a lease. */
@Singleton
class PostgresNotices implements Notices, NoticeOutbox {

    private static final String SEND = """
            INSERT INTO slack_notice (workspace_id, change_number, recipient, text, in_thread, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final QueueTable<Queued> table;
    private final Clock clock;

    PostgresNotices(JdbcOperations jdbc, Clock clock) {
        this.clock = clock;
        this.table = new QueueTable<>(jdbc, "slack_notice",
                "id, workspace_id, change_number, recipient, text, in_thread, attempts",
                row -> new Queued(row.getLong("id"), new Notice(row.getString("workspace_id"),
                        new ChangeId(row.getLong("change_number")), row.getString("recipient"), row.getString("text"),
                        row.getBoolean("in_thread")), row.getInt("attempts")));
    }

    @Override
    public void send(Notice notice) {
        var now = Timestamp.from(clock.instant());
        table.update(SEND, notice.workspaceId(), notice.changeId().number(), notice.recipient(), notice.text(),
                notice.inThread(), now, now);
    }

    @Override
    public List<Queued> claimDue(Instant now, Duration lease, int limit) {
        var claimed = new java.util.ArrayList<>(table.claimDue(now, lease, limit));
        // RETURNING does not keep the subquery's order; deliver oldest first.
        claimed.sort(Comparator.comparingLong(Queued::id));
        return claimed;
    }

    @Override
    public void delivered(Queued notice, Instant at) {
        table.delivered(notice.id(), at);
    }

    @Override
    public void retryAt(Queued notice, Instant next, String error) {
        table.retryAt(notice.id(), next, error);
    }

    @Override
    public void postpone(Queued notice, Instant next, String why) {
        table.postpone(notice.id(), next, why);
    }

    @Override
    public void failed(Queued notice, Instant at, String error) {
        table.failed(notice.id(), at, error);
    }

    @Override
    public int prune(Instant settledBefore) {
        return table.prune(settledBefore);
    }
}
