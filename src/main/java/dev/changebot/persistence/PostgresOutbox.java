package dev.changebot.persistence;

import dev.changebot.application.port.ChangeAnnouncer;
import dev.changebot.application.port.Outbox;
import dev.changebot.application.port.OutboxEntry;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Slack outbox in PostgreSQL. Announcing writes (or re-dirties) the change's one pending row
 * in the caller's transaction; workers claim due rows with SKIP LOCKED and a lease.
 */
@Singleton
class PostgresOutbox extends PostgresQueue<OutboxEntry> implements Outbox, ChangeAnnouncer {

    private static final String ANNOUNCE = """
            INSERT INTO slack_outbox (workspace_id, change_number, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?)
            """ + OutboxSql.ANNOUNCED_AGAIN;

    /**
     * As every queue's claim ({@link QueueTable}), leaving out entries that wait for their update
     * slot; a claim hands the slot to the worker (it is cleared, and said in {@code held_slot}), and
     * says whether the change's message is posted (an update, which needs a slot of its own).
     */
    private static final String CLAIM = """
            WITH due AS (
                SELECT id, update_slot FROM slack_outbox
                 WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
                   AND (update_slot IS NULL OR update_slot <= ?)
                 ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
            UPDATE slack_outbox o SET next_attempt_at = ?, update_slot = NULL FROM due WHERE o.id = due.id
            RETURNING o.id, o.workspace_id, o.change_number, o.attempts, o.version, o.created_at,
                      due.update_slot IS NOT NULL AS held_slot,
                      EXISTS (SELECT 1 FROM change_request posted
                               WHERE posted.workspace_id = o.workspace_id AND posted.number = o.change_number
                                 AND posted.message_ts IS NOT NULL) AS posted""";

    private final Clock clock;
    private final QueuedForSlack queued;

    PostgresOutbox(JdbcOperations jdbc, ConnectionOperations<Connection> connections, Clock clock,
                   QueuedForSlack queued) {
        super(new QueueTable<>(jdbc, connections, "slack_outbox", "id, workspace_id, change_number, attempts, version",
                row -> new OutboxEntry(row.getLong("id"), row.getString("workspace_id"),
                        new ChangeId(row.getLong("change_number")), row.getInt("attempts"), row.getInt("version"),
                        row.getTimestamp("created_at").toInstant(), row.getBoolean("held_slot"),
                        row.getBoolean("posted"))),
                OutboxEntry::id);
        this.clock = clock;
        this.queued = queued;
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, Duration lease, int limit) {
        var at = Timestamp.from(now);
        var claimed = new ArrayList<>(table.claim(CLAIM, at, at, limit, Timestamp.from(now.plus(lease))));
        // RETURNING does not keep the subquery's order; deliver oldest first.
        claimed.sort(Comparator.comparingLong(OutboxEntry::id));
        return claimed;
    }

    /** One statement for a batch's waiting updates: each row's slot from a VALUES list. */
    @Override
    public void waitForSlots(Map<OutboxEntry, Instant> slots) {
        if (slots.isEmpty()) {
            return;
        }
        var parameters = new ArrayList<Object>();
        parameters.add("waiting for its chat.update slot");
        slots.forEach((entry, slot) -> {
            parameters.add(entry.id());
            parameters.add(Timestamp.from(slot));
        });
        table.update("UPDATE slack_outbox o SET next_attempt_at = v.slot, update_slot = v.slot, last_error = ?"
                + " FROM (VALUES " + String.join(", ", Collections.nCopies(slots.size(), "(?::bigint, ?::timestamptz)"))
                + ") AS v(id, slot) WHERE o.id = v.id", parameters.toArray());
    }

    @Override
    public void changed(Change change) {
        var now = Timestamp.from(clock.instant());
        table.update(ANNOUNCE, change.workspaceId(), change.id().number(), now, now);
        queued.queued();
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
