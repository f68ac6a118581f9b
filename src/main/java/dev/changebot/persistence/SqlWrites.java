package dev.changebot.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.SQLException;

/** A write with positional parameters, in the caller's transaction, for the adapters that use plain SQL. */
final class SqlWrites {

    private SqlWrites() {
    }

    /**
     * Runs {@code sql} and returns the rows it touched. A failure keeps its SQLException as the
     * cause, which is how the request path tells an outage from a fault ({@code what} names the write).
     */
    static int update(JdbcOperations jdbc, String what, String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not " + what, e);
            }
        });
    }
}
