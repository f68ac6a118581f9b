package dev.changebot.persistence;

import dev.changebot.application.port.ReportPosts;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The monthly report's claims in {@code report_post}: the primary key makes a second claim a no-op. */
@Singleton
class PostgresReportPosts implements ReportPosts {

    private final JdbcOperations jdbc;

    PostgresReportPosts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String workspaceId, String period, Instant at) {
        return jdbc.prepareStatement("INSERT INTO report_post (workspace_id, period, claimed_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", statement -> {
                    try {
                        statement.setString(1, workspaceId);
                        statement.setString(2, period);
                        statement.setTimestamp(3, Timestamp.from(at));
                        return statement.executeUpdate() == 1;
                    } catch (SQLException e) {
                        throw new IllegalStateException("Could not claim the " + period + " report", e);
                    }
                });
    }

    @Override
    public void release(String workspaceId, String period) {
        jdbc.prepareStatement("DELETE FROM report_post WHERE workspace_id = ? AND period = ?", statement -> {
            try {
                statement.setString(1, workspaceId);
                statement.setString(2, period);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not release the " + period + " report", e);
            }
        });
    }
}
