package dev.changebot.cli;

import dev.changebot.application.port.BotsOwnDatabase;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A command run without {@code --db} (nor DATASOURCES_DEFAULT_URL) uses the bot's own embedded
 * database on this machine: its running server, or one started for the command while the bot is
 * stopped (and stopped after it). Says on the error stream which one, or why neither could be used.
 */
final class OwnDatabase {

    /** What a command gets: a session, nothing there (empty), or a failure already explained. */
    record Opened(Optional<BotsOwnDatabase.Session> session, boolean failed) {
    }

    private OwnDatabase() {
    }

    static Opened open(PrintWriter err) {
        var adapter = ServiceLoader.load(BotsOwnDatabase.class).findFirst();
        if (adapter.isEmpty()) {
            return new Opened(Optional.empty(), false);
        }
        try {
            var session = adapter.get().open(System.getenv());
            session.ifPresent(s -> err.println("Using " + s.describe() + "."));
            return new Opened(session, false);
        } catch (RuntimeException e) {
            err.println("The bot's embedded database could not be used: " + e.getMessage());
            return new Opened(Optional.empty(), true);
        }
    }
}
