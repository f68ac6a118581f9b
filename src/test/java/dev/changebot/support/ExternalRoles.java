package dev.changebot.support;

import java.sql.SQLException;

/**
 * The README's "External database, two roles" paragraph, as statements: an owner that migrates,
 * and a runtime role given, by default privileges, {@code runtimeTablePrivileges} on every table
 * the owner creates. Roles belong to the whole server: made once, reused by later runs.
 */
public final class ExternalRoles {

    private ExternalRoles() {
    }

    public static void setUp(TestDatabase admin, String owner, String runtime, String runtimeTablePrivileges)
            throws SQLException {
        var database = admin.url().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (var connection = admin.connect(); var statement = connection.createStatement()) {
            for (var role : new String[] {owner, runtime}) {
                statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + " LOGIN; END IF; END $$");
            }
            statement.execute("ALTER ROLE " + owner + " PASSWORD 'owner-secret'");
            statement.execute("ALTER ROLE " + runtime + " PASSWORD 'runtime-secret'");
            statement.execute("ALTER DATABASE " + database + " OWNER TO " + owner);
            statement.execute("ALTER SCHEMA public OWNER TO " + owner);
            statement.execute("GRANT USAGE ON SCHEMA public TO " + runtime);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
                    + " GRANT " + runtimeTablePrivileges + " ON TABLES TO " + runtime);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
                    + " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + runtime);
        }
    }
}
