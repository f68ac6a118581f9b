package dev.changebot.support;

import java.sql.SQLException;

/**
 * What an attacker holding the database's administrator role can do that the app's role cannot:
 * statements run with triggers off ({@code session_replication_role = replica}), so the audit
 * tables' append-only triggers do not stop them. Tests of tamper detection use it to tamper.
 */
public final class DatabaseAdmin {

    private DatabaseAdmin() {
    }

    public static void withTriggersOff(TestDatabase db, String... statements) {
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            for (var sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
