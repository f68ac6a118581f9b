package dev.changebot.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server tests run against: the one named by DATASOURCES_DEFAULT_URL when set,
 * otherwise one embedded server per test JVM. Each test gets a database of its own, so tests
 * never see each other's changes and CHG numbers start at 1: migrated ({@link #freshDatabase}) or empty.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static Server server;
    /** The migrated database fresh ones are copied from; made at the first need. */
    private static String template;

    private TestPostgres() {
    }

    /**
     * A new database on the test server with the schema the app's migrations make, copied from a template
     * migrated once per test JVM: an app started on it finds nothing to migrate (running every migration on
     * each of the suite's hundreds of fresh databases cost most of a second each).
     */
    public static synchronized TestDatabase freshDatabase() {
        if (template == null) {
            var empty = emptyDatabase();
            Flyway.configure().dataSource(empty.url(), empty.user(), empty.password()).locations("classpath:db/migration")
                    .outOfOrder(true).load().migrate();
            template = empty.url().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        }
        return create("TEMPLATE " + template);
    }

    /** A new, empty database on the test server: for tests of the migrations themselves and of who runs them. */
    public static synchronized TestDatabase emptyDatabase() {
        return create("");
    }

    private static TestDatabase create(String from) {
        if (server == null) {
            server = startServer();
        }
        var name = "changebot_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(server.urlFor(server.adminDatabase), server.user,
                server.password); var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + (from.isEmpty() ? "" : " " + from));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        CREATED.add(name);
        return new TestDatabase(server.urlFor(name), server.user, server.password);
    }

    /**
     * A database outage as the app sees one: its sessions end and new ones are refused until
     * {@code reachable} again.
     */
    public static synchronized void setReachable(TestDatabase database, boolean reachable) {
        var name = database.url().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection admin = DriverManager.getConnection(server.urlFor(server.adminDatabase), server.user,
                server.password); var statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS " + reachable);
            if (!reachable) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change whether " + name + " is reachable", e);
        }
    }

    /** On a shared server, leave nothing behind; an embedded server is thrown away whole. */
    private static void dropCreatedDatabases(Server on) {
        try (Connection admin = DriverManager.getConnection(on.urlFor(on.adminDatabase), on.user, on.password);
             var statement = admin.createStatement()) {
            for (var name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases: " + e.getMessage());
        }
    }

    private static Server startServer() {
        var external = System.getenv("DATASOURCES_DEFAULT_URL");
        if (external != null && !external.isBlank()) {
            var user = envOr("DATASOURCES_DEFAULT_USERNAME", System.getProperty("user.name"));
            var shared = Server.parse(external, user, envOr("DATASOURCES_DEFAULT_PASSWORD", ""));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropCreatedDatabases(shared)));
            return shared;
        }
        try {
            // Tests only: fast and NOT durable (fsync and synchronous commit off), chosen here on
            // purpose. The application's own embedded server (EmbeddedDatabase) is always durable.
            var dataDirectory = Files.createTempDirectory("changebot-test-postgres");
            var embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // The JVM is exiting.
                }
                deleteAfterExit(dataDirectory);
            }));
            return Server.parse(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    /**
     * The suite's hundreds of databases are tens of thousands of files: deleting them in the JVM's shutdown took
     * over 30 s, and Surefire kills a test JVM whose exit takes that long. A process of its own deletes them
     * while the build goes on.
     */
    private static void deleteAfterExit(Path directory) {
        try {
            new ProcessBuilder("rm", "-rf", "--", directory.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            System.err.println("Could not delete the test server's data directory " + directory + ": "
                    + e.getMessage());
        }
    }

    private static String envOr(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Where the server is; databases are addressed by replacing the path of its URL. */
    private record Server(String hostAndPort, String adminDatabase, String user, String password) {

        static Server parse(String jdbcUrl, String user, String password) {
            var uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            var database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
            return new Server(uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()), database, user,
                    password);
        }

        String urlFor(String database) {
            return "jdbc:postgresql://" + hostAndPort + "/" + database;
        }
    }
}
