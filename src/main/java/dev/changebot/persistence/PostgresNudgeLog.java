package dev.changebot.persistence;

import dev.changebot.application.port.NudgeLog;
import dev.changebot.domain.change.Change;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The nudge log in PostgreSQL: the primary key makes "first time" true for exactly one caller. */
@Singleton
class PostgresNudgeLog implements NudgeLog {

    private static final String MARK = """
            INSERT INTO approval_nudge (change_id, step, kind, sent_at)
            SELECT id, ?, ?, ? FROM change_request WHERE workspace_id = ? AND number = ?
            ON CONFLICT (change_id, step, kind) DO NOTHING""";

    private final JdbcOperations jdbc;

    PostgresNudgeLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markSent(Change change, int step, Kind kind, Instant at) {
        return jdbc.prepareStatement(MARK, statement -> {
            try {
                statement.setInt(1, step);
                statement.setString(2, kind.name());
                statement.setTimestamp(3, Timestamp.from(at));
                statement.setString(4, change.workspaceId());
                statement.setLong(5, change.id().number());
                return statement.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record a nudge", e);
            }
        });
    }
}
