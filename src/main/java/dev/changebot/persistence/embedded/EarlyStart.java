package dev.changebot.persistence.embedded;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the embedded PostgreSQL in the background at the very beginning of {@code main}, so that
 * the server's own start (pg_ctl, another process) runs while the JVM loads and wires the
 * application instead of after it: a start on existing data waits about a second for the server
 * (docs/performance/startup-and-memory.md, "Start-up"). The application context then claims the running server
 * ({@link EmbeddedDatabaseWhenNoUrl}) instead of starting one, and a failed start is reported there,
 * in the same words and at the same point as before.
 *
 * <p>Only begun when nothing could point the data source elsewhere: no {@code DATASOURCES_*}
 * variable or {@code datasources.*} property, no extra configuration files or environments (whose
 * files might name a URL). Anything unusual leaves it to the context, as before. A server started
 * here that the context does not claim (another directory, a URL found after all) is stopped.
 */
public final class EarlyStart {

    private static final AtomicReference<EarlyStart> PENDING = new AtomicReference<>();

    private final DataDirectory directory;
    private final CompletableFuture<EmbeddedDatabase> database = new CompletableFuture<>();

    private EarlyStart(DataDirectory directory) {
        this.directory = directory;
    }

    /** Begins the start in the background when the embedded server is sure to be wanted; true if it did. */
    public static boolean beginIfNoUrl(Map<String, String> environment, Properties properties) {
        if (anotherDatabaseMayBeConfigured(environment, properties)) {
            return false;
        }
        var configured = properties.getProperty("changebot.data-dir", environment.get("CHANGEBOT_DATA_DIR"));
        var early = new EarlyStart(DataDirectory.resolve(configured, environment));
        if (!PENDING.compareAndSet(null, early)) {
            return false;
        }
        var starter = new Thread(early::start, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        // A JVM that stops before the context claimed the server (a failed start) leaves nothing running.
        Runtime.getRuntime().addShutdownHook(new Thread(EarlyStart::discard, "embedded-postgres-unclaimed"));
        return true;
    }

    static boolean anotherDatabaseMayBeConfigured(Map<String, String> environment, Properties properties) {
        for (var name : environment.keySet()) {
            if (name.startsWith("DATASOURCES_") || name.startsWith("MICRONAUT_CONFIG_FILES")
                    || name.startsWith("MICRONAUT_ENVIRONMENTS") || name.endsWith("_APPLICATION_JSON")) {
                return true;
            }
        }
        for (var name : properties.stringPropertyNames()) {
            if (name.startsWith("datasources.") || name.startsWith("micronaut.config.files")
                    || name.startsWith("micronaut.environments") || name.endsWith("application.json")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The server begun by {@code main} for this directory, once it is up (its failure is thrown as
     * {@link EmbeddedDatabase#start} throws it); empty if none was begun. One begun for another
     * directory is stopped.
     */
    static Optional<EmbeddedDatabase> claim(DataDirectory directory) {
        var early = PENDING.getAndSet(null);
        if (early == null) {
            return Optional.empty();
        }
        if (!early.directory.equals(directory)) {
            early.stop();
            return Optional.empty();
        }
        return Optional.of(early.await());
    }

    /** Stops a server begun by {@code main} that nobody claimed (the data source has a URL after all). */
    static void discard() {
        var early = PENDING.getAndSet(null);
        if (early != null) {
            early.stop();
        }
    }

    private void start() {
        try {
            database.complete(EmbeddedDatabase.start(directory));
        } catch (Throwable e) {
            database.completeExceptionally(e);
        }
    }

    private EmbeddedDatabase await() {
        try {
            return database.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void stop() {
        try {
            database.join().close();
        } catch (CompletionException failed) {
            // Nothing is running: the start itself failed, and nobody asked for the server.
        }
    }
}
