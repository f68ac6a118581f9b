package dev.changebot.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Plain SQL writes with positional parameters, in the caller's transaction. */
final class Statements {

    private Statements() {
    }

    /** Runs {@code sql} and returns the number of rows it touched; {@code what} names the write in errors. */
    static int update(JdbcOperations jdbc, String what, String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, (PreparedStatement statement) -> {
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
