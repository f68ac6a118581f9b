package dev.changebot.persistence;

import dev.changebot.application.request.RequestBudget;
import dev.changebot.application.port.Transactions;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions on the default data source, through Micronaut Data's transaction manager. A
 * transaction that fails because its connection turned out dead (the database restarted, a
 * proxy dropped idle sessions) runs once more on a fresh one: the pool evicts the dead one, the
 * failed attempt committed nothing, and every piece of work here re-reads what it decides on
 * under its locks; the pool's other idle connections are retired with it, since what killed one
 * killed them all. Under a Slack request the second attempt runs only if the request's budget
 * has time left, and it waits no longer than that ({@link RequestBudget}): a database that is
 * really away costs one budget, not two connection timeouts in a row.
 */
@Singleton
class MicronautTransactions implements Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(MicronautTransactions.class);

    private final TransactionOperations<Connection> transactions;
    private final DataSource dataSource;

    MicronautTransactions(TransactionOperations<Connection> transactions, DataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        // Only the outermost transaction may start over; an inner one shares its connection.
        boolean outermost = transactions.findTransactionStatus().isEmpty();
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (RuntimeException e) {
            if (!outermost || !deadConnection(e) || RequestBudget.spent()) {
                throw e;
            }
            LOG.warn("A database connection was dead ({}); running the transaction again on a new one", e.getMessage());
            retireIdleConnections();
            return transactions.executeWrite(status -> work.get());
        }
    }

    @Override
    public void afterCommit(Runnable effect) {
        // Registered on the outermost transaction (a joined one hands it there), so an attempt that
        // is rolled back and run again never rings anything; only the committed attempt does.
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        effect.run();
                    }
                }), effect);
    }

    /** One dead connection means the server restarted or the network broke: its siblings are dead too. */
    private void retireIdleConnections() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        } catch (SQLException e) {
            LOG.debug("Could not retire the pool's idle connections", e);
        }
    }

    /**
     * SQLState class 08 (connection exception): the connection broke, not the statement. The
     * pool's own "Connection is closed" carries no state; the original failure may sit among the
     * suppressed exceptions when cleaning up the dead connection failed as well.
     */
    static boolean deadConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
            for (var suppressed : t.getSuppressed()) {
                if (deadConnection(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
