package dev.changebot.persistence.change;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;

/**
 * Hands out CHG numbers per workspace from a counter row rather than a sequence: the counter
 * moves inside the caller's transaction, so a rolled-back request leaves no gap in the numbers.
 */
@Singleton
class ChangeNumbers {

    private static final String NEXT = """
            INSERT INTO change_number (workspace_id, last_number) VALUES (?, 1)
            ON CONFLICT (workspace_id) DO UPDATE SET last_number = change_number.last_number + 1
            RETURNING last_number""";

    private final JdbcOperations jdbc;

    ChangeNumbers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long next(String workspaceId) {
        return jdbc.prepareStatement(NEXT, statement -> {
            try {
                statement.setString(1, workspaceId);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not allocate a change number", e);
            }
        });
    }
}
