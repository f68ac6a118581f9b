package dev.changebot.application.port;

import java.util.Map;
import java.util.Optional;

/**
 * The bot's own embedded PostgreSQL, for a command run without {@code --db} on the machine where the
 * bot ran on it: the running bot's server, or — while the bot is stopped — the server started on its
 * data directory for the command's duration, holding the data directory's one-process lock so a bot
 * starting meanwhile is refused with a message instead of sharing the files. Found with
 * {@link java.util.ServiceLoader}: the command line knows this port, the embedded adapter provides it.
 */
public interface BotsOwnDatabase {

    /**
     * Empty when the data directory ({@code changebot.data-dir}, CHANGEBOT_DATA_DIR, else ~/.changebot)
     * holds no embedded database.
     *
     * @throws IllegalStateException saying why the database there cannot be reached or started
     */
    Optional<Session> open(Map<String, String> environment);

    /** Where to connect, as the bot's runtime role; closing it stops a server started for the command. */
    interface Session extends AutoCloseable {
        String url();

        String user();

        String password();

        /** For the command's output: which server it used. */
        String describe();

        @Override
        void close();
    }
}
