package dev.changebot.persistence;

/**
 * How a change's message is queued for a refresh in slack_outbox, wherever the row is written (on its
 * own by {@link PostgresOutbox}, or with a command's write): one pending row per change, re-dirtied
 * by a newer announcement (its version bumped) and due no later than before.
 */
public final class OutboxSql {

    /** Completes {@code INSERT INTO slack_outbox (workspace_id, change_number, created_at, next_attempt_at) ...}. */
    public static final String ANNOUNCED_AGAIN = """
            ON CONFLICT (workspace_id, change_number) WHERE delivered_at IS NULL AND failed_at IS NULL
            DO UPDATE SET version = slack_outbox.version + 1,
                          next_attempt_at = LEAST(slack_outbox.next_attempt_at, EXCLUDED.next_attempt_at)""";

    private OutboxSql() {
    }
}
