package dev.changebot.persistence.gate;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain statements on the caller's connection, for the gate's tables and the calendar's; a failure keeps its
 * SQLException as the cause.
 */
public final class Rows {

    private Rows() {
    }

    public interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    public static int update(JdbcOperations jdbc, String what, String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                bind(statement, parameters);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not " + what, e);
            }
        });
    }

    public static <T> List<T> query(JdbcOperations jdbc, String what, Reader<T> reader, String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                bind(statement, parameters);
                var list = new ArrayList<T>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        list.add(reader.read(rows));
                    }
                }
                return list;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not " + what, e);
            }
        });
    }

    public static <T> Optional<T> one(JdbcOperations jdbc, String what, Reader<T> reader, String sql, Object... parameters) {
        return query(jdbc, what, reader, sql, parameters).stream().findFirst();
    }

    public static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getTimestamp(column)).map(Timestamp::toInstant);
    }

    private static void bind(java.sql.PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            var value = parameters[i];
            if (value instanceof String[] array) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", array));
            } else if (value instanceof Long[] array) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("bigint", array));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
