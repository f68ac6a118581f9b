package dev.changebot.persistence.embedded;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the embedded PostgreSQL keeps everything: the cluster in {@code <root>/postgres}, its
 * server log next to it. Checked before the server is started, so an unusable directory is
 * reported as what it is (which directory, why, how to fix it) instead of as a server that did not
 * come up.
 */
public record DataDirectory(Path root) {

    static final String CLUSTER = "postgres";

    /**
     * {@code CHANGEBOT_DATA_DIR} / {@code changebot.data-dir} when given, else {@code ~/.changebot}.
     * Resolved here rather than by a placeholder default: Micronaut leaves a placeholder nested in
     * another's default as literal text, which made the jar start only where that odd relative
     * directory could be created. The home is {@code HOME} first: Java 17 takes {@code user.home}
     * from the password database, which is not where a user who set HOME expects the data.
     */
    public static DataDirectory resolve(String configured, Map<String, String> environment) {
        if (configured != null && !configured.isBlank()) {
            return new DataDirectory(Path.of(configured).toAbsolutePath().normalize());
        }
        var home = environment.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return new DataDirectory(Path.of(home, ".changebot").toAbsolutePath().normalize());
    }

    public Path cluster() {
        return root.resolve(CLUSTER);
    }

    /** The server's own output (initdb, start-up, FATAL lines): where a failed start explains itself. */
    public Path serverLog() {
        return root.resolve("postgres.log");
    }

    boolean clusterExists() {
        return Files.exists(cluster().resolve("postgresql.conf"));
    }

    /** Creates what is missing and refuses a directory the server could not use. */
    void checkUsable() {
        try {
            // Only its user may look inside (passwords, the server's log), as PostgreSQL demands of its own.
            Files.createDirectories(cluster(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
        } catch (AccessDeniedException e) {
            throw unusable(root, "it cannot be created or written (permission denied on " + e.getFile() + ")",
                    "create it as the user running Changebot, or point CHANGEBOT_DATA_DIR elsewhere");
        } catch (FileSystemException e) {
            throw unusable(root, "it cannot be created: " + e.getReason() + " (" + e.getFile() + ")",
                    "free the path or point CHANGEBOT_DATA_DIR to a writable directory");
        } catch (IOException e) {
            throw unusable(root, "it cannot be created: " + e, "point CHANGEBOT_DATA_DIR to a writable directory");
        }
        for (var directory : new Path[] {root, cluster()}) {
            if (!Files.isWritable(directory)) {
                throw unusable(directory, "it is not writable by this user",
                        "make it writable by the user running Changebot, or point CHANGEBOT_DATA_DIR elsewhere");
            }
        }
        checkOwnedByUs(cluster());
        if (clusterExists() && !Files.exists(cluster().resolve("PG_VERSION"))) {
            throw unusable(cluster(), "it holds a postgresql.conf but no PG_VERSION, so it is not a complete"
                    + " PostgreSQL data directory", "restore it from a backup, or move it away to start with an empty"
                    + " database");
        }
    }

    /** PostgreSQL only runs on a data directory owned by the user running it. */
    private static void checkOwnedByUs(Path directory) {
        try {
            var owner = Files.getOwner(directory).getName();
            var us = System.getProperty("user.name");
            if (!owner.equals(us)) {
                throw unusable(directory, "it is owned by '" + owner + "', not by '" + us
                        + "' who runs Changebot", "run Changebot as '" + owner + "', or `chown -R " + us + " "
                        + directory + "`");
            }
        } catch (IOException e) {
            throw unusable(directory, "its owner cannot be read: " + e, "check the directory's permissions");
        }
    }

    static EmbeddedDatabaseException unusable(Path directory, String cause, String fix) {
        return new EmbeddedDatabaseException("The embedded PostgreSQL cannot use its data directory " + directory
                + ": " + cause + ". Fix: " + fix + ".");
    }
}
