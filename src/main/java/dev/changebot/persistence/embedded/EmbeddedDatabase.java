package dev.changebot.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 15 server run by the application itself, so a first run needs no database setup,
 * set up for real use: durable commits, loopback only, passwords, and an application role that is
 * not the owner of the schema. Its data directory survives restarts, including restarts after the
 * JVM was killed outright. Only a fresh directory is initialised.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** Crash recovery of a big WAL can take a while; a plain start takes about a second. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;
    private final DataDirectory directory;
    private final Credentials credentials;
    private final ServerWatchdog watchdog;
    private final DirectoryLock lock;

    private EmbeddedDatabase(EmbeddedPostgres server, DataDirectory directory, Credentials credentials,
                             ServerWatchdog watchdog, DirectoryLock lock) {
        this.server = server;
        this.directory = directory;
        this.credentials = credentials;
        this.watchdog = watchdog;
        this.lock = lock;
    }

    public static EmbeddedDatabase start(DataDirectory directory) {
        directory.checkUsable();
        return startHolding(directory, DirectoryLock.acquire(directory));
    }

    /** Started on the directory unless another process holds its lock (the bot runs on it): then empty. */
    static java.util.Optional<EmbeddedDatabase> startIfFree(DataDirectory directory) {
        directory.checkUsable();
        return DirectoryLock.tryAcquire(directory).map(lock -> startHolding(directory, lock));
    }

    private static EmbeddedDatabase startHolding(DataDirectory directory, DirectoryLock lock) {
        try {
            OrphanedServer.stopIfRunning(directory.cluster());
            boolean fresh = !directory.clusterExists();
            boolean adopting = !fresh && !Credentials.existIn(directory);
            var credentials = Credentials.loadOrGenerate(directory);
            var server = startServer(directory, credentials, fresh, adopting);
            try {
                secure(server, credentials, directory, adopting);
                if (fresh || adopting) {
                    credentials.save(directory);
                }
                var postmaster = OrphanedServer.readPid(directory.cluster().resolve("postmaster.pid")).orElse(-1L);
                var watchdog = ServerWatchdog.watch(directory.cluster(), postmaster);
                LOG.info("Started the embedded PostgreSQL on 127.0.0.1:{} with its data in {} (durable: fsync and"
                        + " synchronous commit on)", server.getPort(), directory.cluster());
                return new EmbeddedDatabase(server, directory, credentials, watchdog, lock);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(server);
                throw new EmbeddedDatabaseException("The embedded PostgreSQL in " + directory.cluster()
                        + " started, but its roles could not be set up: " + e.getMessage() + ". Fix: see "
                        + directory.serverLog() + "; moving " + directory.root()
                        + " away starts over with an empty database.", e);
            }
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedPostgres startServer(DataDirectory directory, Credentials credentials, boolean fresh,
                                                boolean adopting) {
        Path passwordFile = null;
        var watch = new StartupWatch(directory.serverLog());
        try {
            var log = ProcessBuilder.Redirect.appendTo(directory.serverLog().toFile());
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.cluster())
                    .setCleanDataDirectory(false)
                    // The application closes the server itself, after its connection pools.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // The server's own words go to a file: a failed start is explained from it.
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .setConnectConfig("password", credentials.superuser())
                    .setDataDirectoryCustomizer(cluster -> {
                        AccessRules.write(cluster.toPath(), adopting);
                        watch.watchFromHere();
                    });
            AccessRules.DURABLE.forEach(builder::setServerConfig);
            AccessRules.LISTEN.forEach(builder::setServerConfig);
            if (fresh) {
                // The library runs initdb with these as --key=value options: the superuser gets its
                // password at creation, so the server never accepts a connection without one.
                passwordFile = credentials.superuserPasswordFile(directory);
                builder.setLocaleConfig("pwfile", passwordFile.toString());
            }
            var server = builder.start();
            if (watch.serverGaveUp()) {
                closeQuietly(server);
                throw new IOException("pg_ctl could not start the server");
            }
            return server;
        } catch (IOException | RuntimeException e) {
            watch.serverGaveUp();
            // A server that came up too slowly may still be starting: it must not outlive this failure.
            OrphanedServer.stopIfRunning(directory.cluster());
            throw new EmbeddedDatabaseException("The embedded PostgreSQL did not start on its data directory "
                    + directory.cluster() + ". " + watch.explanation() + "Fix: correct the cause above; moving "
                    + directory.root() + " away starts over with an empty database, and DATASOURCES_DEFAULT_URL"
                    + " runs Changebot on a PostgreSQL server of your own instead.", e);
        } finally {
            watch.close();
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException ignored) {
                    // Mode 0600, in a directory of ours; the next start overwrites it.
                }
            }
        }
    }

    private static void secure(EmbeddedPostgres server, Credentials credentials, DataDirectory directory,
                               boolean adopting) throws SQLException {
        var url = jdbcUrl(server.getPort());
        try (var superuser = DriverManager.getConnection(url, "postgres", credentials.superuser())) {
            if (adopting) {
                LOG.info("Giving the embedded PostgreSQL in {} passwords and its own roles (it had neither)",
                        directory.cluster());
                superuser.unwrap(PGConnection.class).alterUserPassword("postgres", credentials.superuser()
                        .toCharArray(), "scram-sha-256");
                AccessRules.write(directory.cluster(), false);
                try (var statement = superuser.createStatement()) {
                    statement.execute("SELECT pg_reload_conf()");
                }
            }
            Roles.ensure(superuser, credentials);
        }
    }

    private static String jdbcUrl(int port) {
        // 127.0.0.1, not localhost: the server listens on IPv4 loopback only.
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return jdbcUrl(server.getPort());
    }

    /** The application's role: rows only. */
    public String runtimeUser() {
        return Roles.RUNTIME;
    }

    public String runtimePassword() {
        return credentials.runtime();
    }

    /** The schema's owner: migrations. */
    public String ownerUser() {
        return Roles.OWNER;
    }

    public String ownerPassword() {
        return credentials.owner();
    }

    public Path dataDirectory() {
        return directory.cluster();
    }

    @Override
    public void close() {
        closeQuietly(server);
        watchdog.close();
        lock.close();
        LOG.info("Stopped the embedded PostgreSQL ({})", directory.cluster());
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }
}
