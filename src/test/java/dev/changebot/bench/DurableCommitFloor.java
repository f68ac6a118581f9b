package dev.changebot.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.changebot.support.TestDatabase;
import java.sql.SQLException;

/**
 * The physical floor of an ack that must survive a crash: one autocommitted INSERT into a table of
 * its own on the same PostgreSQL as Changebot, through a plain pool of ten pgjdbc connections.
 */
final class DurableCommitFloor implements AutoCloseable {

    private final HikariDataSource pool;

    private DurableCommitFloor(HikariDataSource pool) {
        this.pool = pool;
    }

    static DurableCommitFloor on(TestDatabase database) throws SQLException {
        var config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(10);
        config.setAutoCommit(true);
        config.setPoolName("floor");
        var pool = new HikariDataSource(config);
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS floor_ack (id bigserial PRIMARY KEY,"
                    + " acked_at timestamptz NOT NULL DEFAULT now())");
        }
        return new DurableCommitFloor(pool);
    }

    /** One durable row; a failure fails the request, as a failed commit would fail Changebot's. */
    void commitOne() {
        try (var connection = pool.getConnection();
             var insert = connection.prepareStatement("INSERT INTO floor_ack DEFAULT VALUES")) {
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The floor's commit failed", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
