package dev.changebot.persistence.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * The two roles of the embedded database, made sure of at every start by the superuser:
 * {@value #OWNER} owns the schema and runs the migrations; {@value #RUNTIME}, which the application
 * uses, may read and write rows and nothing more. Not owning the tables, it cannot disable or drop
 * the audit trail's triggers. Default privileges give it the tables of future migrations too.
 */
final class Roles {

    static final String OWNER = "changebot";
    static final String RUNTIME = "changebot_app";
    private static final String LIMITS = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

    private Roles() {
    }

    static void ensure(Connection superuser, Credentials credentials) throws SQLException {
        try (var statement = superuser.createStatement()) {
            for (var role : new String[] {OWNER, RUNTIME}) {
                statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + "; END IF; END $$");
                statement.execute("ALTER ROLE " + role + LIMITS);
            }
            // Hashed here (SCRAM), so no password crosses the connection or reaches a server log in clear.
            var pg = superuser.unwrap(PGConnection.class);
            pg.alterUserPassword(OWNER, credentials.owner().toCharArray(), "scram-sha-256");
            pg.alterUserPassword(RUNTIME, credentials.runtime().toCharArray(), "scram-sha-256");

            statement.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + OWNER);
            adoptObjectsOfTheSuperuser(statement);
            statement.execute("GRANT USAGE ON SCHEMA public TO " + RUNTIME);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + RUNTIME);
            statement.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + RUNTIME);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public"
                    + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + RUNTIME);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public"
                    + " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + RUNTIME);
        }
    }

    /**
     * Data directories from before these roles were migrated as the superuser: their tables,
     * sequences and functions pass to the owner, so later migrations (run as the owner) may alter
     * them. A table's own sequences and indexes follow the table.
     */
    private static void adoptObjectsOfTheSuperuser(java.sql.Statement statement) throws SQLException {
        statement.execute("""
                DO $$
                DECLARE o record;
                BEGIN
                  FOR o IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                             JOIN pg_namespace n ON n.oid = c.relnamespace
                            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                              AND pg_get_userbyid(c.relowner) = 'postgres'
                              AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d
                                       WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
                  LOOP
                    EXECUTE format('ALTER %s %s OWNER TO %s',
                        CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                       WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, o.name, 'OWNER_ROLE');
                  END LOOP;
                  FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                             JOIN pg_namespace n ON n.oid = p.pronamespace
                            WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = 'postgres'
                  LOOP
                    EXECUTE format('ALTER FUNCTION %s OWNER TO %s', o.name, 'OWNER_ROLE');
                  END LOOP;
                END $$""".replace("OWNER_ROLE", OWNER));
    }
}
