package dev.changebot.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import picocli.CommandLine.Option;

/** The database a command works on: {@code --db} or the bot's own DATASOURCES_DEFAULT_* variables. */
final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of the bot's PostgreSQL database; default: DATASOURCES_DEFAULT_URL")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "default: DATASOURCES_DEFAULT_USERNAME")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "default: DATASOURCES_DEFAULT_PASSWORD")
    String password;

    /** Null when no database is named at all. */
    String url() {
        return url != null ? url : blankToNull(System.getenv("DATASOURCES_DEFAULT_URL"));
    }

    Connection connect() throws SQLException {
        var given = url();
        var name = user != null ? user : blankToNull(System.getenv("DATASOURCES_DEFAULT_USERNAME"));
        var secret = password != null ? password : System.getenv("DATASOURCES_DEFAULT_PASSWORD");
        var properties = new java.util.Properties();
        if (name != null) {
            properties.setProperty("user", name);
        }
        if (secret != null) {
            properties.setProperty("password", secret);
        }
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(given, properties);
    }

    static final String NO_DATABASE = "No database named: give --db URL (with --db-user and --db-password as needed), or"
            + " set DATASOURCES_DEFAULT_URL. The embedded database is reachable only while the bot runs, which signs"
            + " checkpoints by itself (CHANGEBOT_AUDIT_CHECKPOINT_INTERVAL).";

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
