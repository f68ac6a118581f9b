package dev.changebot.persistence;

import dev.changebot.application.port.NoticeOutbox;
import dev.changebot.application.port.Notices;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.notice.Recipient;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Notices in PostgreSQL, as their facts: queued in the caller's transaction, claimed by workers
 * with SKIP LOCKED and a lease. A row queued before notices were facts comes back as its text.
 */
@Singleton
class PostgresNotices extends PostgresQueue<NoticeOutbox.Queued> implements Notices, NoticeOutbox {

    private static final String SEND = """
            INSERT INTO slack_notice (workspace_id, change_number, recipient, recipient_kind, in_thread, kind, facts,
                                      created_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""";
    private static final String COLUMNS =
            "id, workspace_id, change_number, recipient, recipient_kind, in_thread, kind, facts, text, attempts";

    private final NoticeFactsJson facts;
    private final Clock clock;
    private final QueuedForSlack queued;

    PostgresNotices(JdbcOperations jdbc, ConnectionOperations<Connection> connections, NoticeFactsJson facts,
                    Clock clock, QueuedForSlack queued) {
        super(new QueueTable<>(jdbc, connections, "slack_notice", COLUMNS, row -> read(row, facts)), Queued::id);
        this.facts = facts;
        this.clock = clock;
        this.queued = queued;
    }

    @Override
    public void send(Notice notice) {
        var now = Timestamp.from(clock.instant());
        var stored = facts.write(notice.facts());
        table.update(SEND, notice.workspaceId(), notice.changeId().map(ChangeId::number).orElse(null), notice.recipient().address(),
                recipientKind(notice.recipient()), notice.recipient() instanceof Recipient.ChangeThread, stored.kind(),
                stored.json(), now, now);
        queued.queued();
    }

    private static Queued read(ResultSet row, NoticeFactsJson facts) throws SQLException {
        var workspaceId = row.getString("workspace_id");
        var number = row.getLong("change_number");
        var changeId = row.wasNull() ? Optional.<ChangeId>empty() : Optional.of(new ChangeId(number));
        if (row.getString("kind") == null) {
            return new QueuedText(row.getLong("id"), workspaceId, changeId, row.getString("recipient"),
                    row.getBoolean("in_thread"), row.getString("text"), row.getInt("attempts"));
        }
        var recipient = recipient(row.getString("recipient_kind"), row.getString("recipient"));
        var stored = new NoticeFactsJson.Stored(row.getString("kind"), row.getString("facts"));
        return new QueuedNotice(row.getLong("id"), new Notice(workspaceId, changeId, recipient, facts.read(stored)),
                row.getInt("attempts"));
    }

    private static String recipientKind(Recipient recipient) {
        if (recipient instanceof Recipient.Person) {
            return "PERSON";
        }
        return recipient instanceof Recipient.Channel ? "CHANNEL" : "CHANGE_THREAD";
    }

    private static Recipient recipient(String kind, String address) {
        return switch (kind) {
            case "PERSON" -> new Recipient.Person(address);
            case "CHANNEL" -> new Recipient.Channel(address);
            case "CHANGE_THREAD" -> new Recipient.ChangeThread(address);
            default -> throw new IllegalStateException("Unknown kind of recipient: " + kind);
        };
    }
}
