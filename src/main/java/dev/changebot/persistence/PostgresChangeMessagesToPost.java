package dev.changebot.persistence;

import dev.changebot.application.port.ChangeMessagesToPost;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.persistence.gate.Rows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Change messages still to be posted: a change whose message has no timestamp yet with a pending outbox row
 * (each found by a partial index: V55's for the channel's unposted changes, V8's for the pending row).
 */
@Singleton
class PostgresChangeMessagesToPost implements ChangeMessagesToPost {

    private static final String FOR_CHANGE = """
            SELECT EXISTS (SELECT 1 FROM slack_outbox o JOIN change_request c
                             ON c.workspace_id = o.workspace_id AND c.number = o.change_number
                            WHERE o.workspace_id = ? AND o.change_number = ? AND c.message_ts IS NULL
                              AND o.delivered_at IS NULL AND o.failed_at IS NULL)""";
    /** From the channel's unposted changes (V55's partial index), each to its pending outbox row. */
    private static final String IN_CHANNEL = """
            SELECT EXISTS (SELECT 1 FROM change_request c
                            WHERE c.workspace_id = ? AND c.origin_channel_id = ? AND c.message_ts IS NULL
                              AND EXISTS (SELECT 1 FROM slack_outbox o
                                           WHERE o.workspace_id = c.workspace_id AND o.change_number = c.number
                                             AND o.delivered_at IS NULL AND o.failed_at IS NULL))""";

    private final JdbcOperations jdbc;

    PostgresChangeMessagesToPost(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean queuedFor(String workspaceId, ChangeId change) {
        return exists(FOR_CHANGE, workspaceId, change.number());
    }

    @Override
    public boolean queuedIn(String workspaceId, String channel) {
        return exists(IN_CHANNEL, workspaceId, channel);
    }

    private boolean exists(String sql, Object... parameters) {
        return Rows.one(jdbc, "read the change messages still to be posted", row -> row.getBoolean(1), sql, parameters)
                .orElse(false);
    }
}
