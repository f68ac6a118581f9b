package dev.changebot.persistence.budget;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.changebot.application.request.RequestBudget;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's pool, handing out connections within the current request's budget
 * ({@link RequestBudget}). The wait for a connection ends in time for the pool's check of the
 * connection it finds (that check may run after the wait), so the whole acquisition ends by the
 * deadline; every statement on the connection then has until the deadline to answer, because a
 * frozen server (a network partition, a stopped process) never answers at all. Without a budget
 * (jobs, start-up) this is the pool as configured.
 */
final class BudgetedDataSource implements DataSource {

    /** SQLState 08001, "unable to establish connection": what callers already read as an outage. */
    static final String NO_CONNECTION = "08001";
    private static final Executor DIRECT = Runnable::run;

    private final HikariDataSource pool;

    BudgetedDataSource(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        var remaining = RequestBudget.remaining();
        try {
            if (remaining.isEmpty()) {
                return pool.getConnection();
            }
            long wait = remaining.get().toMillis() - pool.getValidationTimeout();
            if (wait <= 0) {
                throw new SQLTransientConnectionException(
                        "No time is left in this request's budget to wait for a database connection", NO_CONNECTION);
            }
            var connection = pool.getHikariPoolMXBean() instanceof HikariPool hikari
                    ? hikari.getConnection(wait) : pool.getConnection();
            return untilDeadline(connection);
        } catch (SQLException e) {
            throw asConnectionFailure(e);
        }
    }

    /**
     * The pool's "timed out" carries the state of its last failed attempt, or none at all (the
     * server never answered); whatever stopped us getting a connection reads as class 08 here, so
     * one test of the state tells an outage from a statement's own failure.
     */
    private static SQLException asConnectionFailure(SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return e;
        }
        return new SQLTransientConnectionException(e.getMessage(), NO_CONNECTION, e);
    }

    /** Statements on this connection give up at the deadline; the pool restores its timeout on return. */
    private static Connection untilDeadline(Connection connection) throws SQLException {
        long left = RequestBudget.remaining().map(Duration::toMillis).orElse(0L);
        try {
            // Zero would mean "wait forever": a spent budget still gets a bounded millisecond.
            connection.setNetworkTimeout(DIRECT, (int) Math.max(1, Math.min(Integer.MAX_VALUE, left)));
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The pool connects with its configured user");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(pool) || pool.isWrapperFor(type);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public String toString() {
        return "budgeted " + pool.getPoolName();
    }
}
