package dev.changebot.persistence.embedded;

import dev.changebot.application.port.BotsOwnDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded database for a command run without {@code --db}: when the bot holds the data
 * directory's lock it runs, and the command connects to its server (the port is in the server's
 * postmaster.pid); otherwise the command starts the server on that directory itself, holding the
 * lock until it is done, and stops it after. Listed in META-INF/services for the command line.
 */
public final class EmbeddedForCommands implements BotsOwnDatabase {

    /** postmaster.pid's fourth line is the port the server listens on. */
    private static final int PORT_LINE = 3;

    @Override
    public Optional<Session> open(Map<String, String> environment) {
        var configured = Optional.ofNullable(System.getProperty("changebot.data-dir"))
                .orElse(environment.get("CHANGEBOT_DATA_DIR"));
        var directory = DataDirectory.resolve(configured, environment);
        if (!directory.clusterExists() || !Credentials.existIn(directory)) {
            return Optional.empty();
        }
        var credentials = Credentials.loadOrGenerate(directory);
        var started = EmbeddedDatabase.startIfFree(directory);
        if (started.isPresent()) {
            var server = started.get();
            return Optional.of(session(server.jdbcUrl(), credentials,
                    "the embedded PostgreSQL in " + directory.cluster() + ", started for this command (the bot is stopped)",
                    server::close));
        }
        int port = runningPort(directory);
        return Optional.of(session("jdbc:postgresql://127.0.0.1:" + port + "/postgres", credentials,
                "the running bot's embedded PostgreSQL (127.0.0.1:" + port + ", data in " + directory.cluster() + ")",
                () -> { }));
    }

    private static int runningPort(DataDirectory directory) {
        var pidFile = directory.cluster().resolve("postmaster.pid");
        try {
            var lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return Integer.parseInt(lines.get(PORT_LINE).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("A Changebot process holds " + directory.root() + " but its PostgreSQL"
                    + " server is not running yet (no port in " + pidFile + "): try again once the bot has started,"
                    + " or give --db.", e);
        }
    }

    private static Session session(String url, Credentials credentials, String describe, Runnable stop) {
        return new Session() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public String user() {
                return Roles.RUNTIME;
            }

            @Override
            public String password() {
                return credentials.runtime();
            }

            @Override
            public String describe() {
                return describe;
            }

            @Override
            public void close() {
                stop.run();
            }
        };
    }
}
