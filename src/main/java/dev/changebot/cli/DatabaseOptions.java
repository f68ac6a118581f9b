package dev.changebot.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import picocli.CommandLine.Option;

/**
 * The database a command works on: {@code --db}, the bot's own DATASOURCES_DEFAULT_* variables, or else
 * the bot's embedded database on this machine ({@link #resolve}; {@link #close} stops a server started
 * for the command).
 */
final class DatabaseOptions implements AutoCloseable {

    private dev.changebot.application.port.BotsOwnDatabase.Session own;

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of the bot's PostgreSQL database; default: DATASOURCES_DEFAULT_URL")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "default: DATASOURCES_DEFAULT_USERNAME")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "default: DATASOURCES_DEFAULT_PASSWORD")
    String password;

    /**
     * True when a database is named or the bot's embedded one could be opened; otherwise the reason was
     * printed on {@code err}.
     */
    boolean resolve(java.io.PrintWriter err) {
        if (named() != null) {
            return true;
        }
        var opened = OwnDatabase.open(err);
        own = opened.session().orElse(null);
        if (own == null && !opened.failed()) {
            err.println(NO_DATABASE);
        }
        return own != null;
    }

    /**
     * Runs a command's work on the resolved database and closes what was opened for it; exit 64 with the
     * reason on {@code err} when there is no database to run on.
     */
    int runOn(java.io.PrintWriter err, java.util.function.IntSupplier work) {
        if (!resolve(err)) {
            return ChangebotCommand.USAGE;
        }
        try {
            return work.getAsInt();
        } finally {
            close();
        }
    }

    /** Null when no database is named at all (and {@link #resolve} found no embedded one). */
    String url() {
        return own != null ? own.url() : named();
    }

    private String named() {
        return url != null ? url : blankToNull(System.getenv("DATASOURCES_DEFAULT_URL"));
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }

    Connection connect() throws SQLException {
        var given = url();
        var name = own != null ? own.user() : user != null ? user : blankToNull(System.getenv("DATASOURCES_DEFAULT_USERNAME"));
        var secret = own != null ? own.password() : password != null ? password : System.getenv("DATASOURCES_DEFAULT_PASSWORD");
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
            + " set DATASOURCES_DEFAULT_URL; no embedded database of the bot was found in its data directory"
            + " (CHANGEBOT_DATA_DIR, default ~/.changebot) either.";

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
