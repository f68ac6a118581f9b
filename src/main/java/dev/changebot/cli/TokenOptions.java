package dev.changebot.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What every token command needs: the database and the workspace the tokens belong to. */
final class TokenOptions {

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--workspace", paramLabel = "ID",
            description = "the Slack workspace (team) id; needed when the database holds several, or none yet")
    String workspace;

    /** Who the record says acted: the person at the command line. */
    String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** The workspace given, or the only one the database knows; null (and why, on err) when neither. */
    String workspace(Connection connection, PrintWriter err) throws SQLException {
        if (workspace != null) {
            return workspace;
        }
        var known = TokenTables.workspaces(connection);
        if (known.size() == 1) {
            return known.get(0);
        }
        err.println(known.isEmpty()
                ? "The database holds no workspace yet: give --workspace ID (the Slack team id, e.g. T0123ABCD)."
                : "The database holds several workspaces (" + String.join(", ", known) + "): give --workspace ID.");
        return null;
    }
}
