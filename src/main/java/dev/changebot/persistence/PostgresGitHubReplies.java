package dev.changebot.persistence;

import dev.changebot.application.port.GitHubReplies;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The replies to GitHub in {@code github_reply}: queued like the Slack outbox, claimed with what sending needs. */
@Singleton
class PostgresGitHubReplies extends PostgresQueue<GitHubReplies.Pending> implements GitHubReplies {

    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE github_reply SET next_attempt_at = ?
                 WHERE id IN (SELECT id FROM github_reply
                               WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
                               ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, attempts, request_id, state, comment)
            SELECT claimed.id, claimed.attempts, claimed.request_id, claimed.state, claimed.comment,
                   r.installation_id, r.repository, r.callback_url, r.environment
              FROM claimed JOIN github_protection_request r ON r.id = claimed.request_id""";
    /** The count and the insert in one statement; the request's row lock keeps two reports from both being the tenth. */
    private static final String REPORT = """
            WITH request AS (SELECT id FROM github_protection_request WHERE id = ? FOR UPDATE)
            INSERT INTO github_reply (request_id, kind, comment, created_at, next_attempt_at)
            SELECT request.id, 'report', ?, ?, ? FROM request
             WHERE (SELECT count(*) FROM github_reply WHERE request_id = request.id AND kind = 'report') < ?""";
    private static final String REVIEW = """
            INSERT INTO github_reply (request_id, kind, state, comment, created_at, next_attempt_at)
            VALUES (?, 'review', ?, ?, ?, ?) ON CONFLICT (request_id) WHERE kind = 'review' DO NOTHING""";

    PostgresGitHubReplies(JdbcOperations jdbc, ConnectionOperations<Connection> connections) {
        super(new QueueTable<>(jdbc, connections, "github_reply", "id",
                row -> new Pending(row.getLong("id"), row.getInt("attempts"), row.getLong("request_id"),
                        row.getLong("installation_id"), row.getString("repository"), row.getString("callback_url"),
                        row.getString("environment"), Optional.ofNullable(row.getString("state")),
                        row.getString("comment"))), Pending::id);
    }

    @Override
    public List<Pending> claimDue(Instant now, Duration lease, int limit) {
        var claimed = new ArrayList<>(table.claim(CLAIM, Timestamp.from(now.plus(lease)), Timestamp.from(now), limit));
        claimed.sort(Comparator.comparingLong(Pending::id));
        return claimed;
    }

    @Override
    public boolean report(long requestId, String comment, Instant at) {
        var when = Timestamp.from(at);
        return table.update(REPORT, requestId, comment, when, when, MAX_REPORTS) == 1;
    }

    @Override
    public boolean review(long requestId, boolean approved, String comment, Instant at) {
        var when = Timestamp.from(at);
        return table.update(REVIEW, requestId, approved ? "approved" : "rejected", comment, when, when) == 1;
    }
}
