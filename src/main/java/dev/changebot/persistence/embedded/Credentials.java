package dev.changebot.persistence.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded server's passwords, generated at its first start and kept in the data directory in
 * a file only the user running Changebot can read (0600): the superuser's (used here at start
 * only), the owner's (migrations) and the runtime role's (the application).
 */
record Credentials(String superuser, String owner, String runtime) {

    static final String FILE = "postgres.credentials";

    /**
     * The passwords kept in the data directory, or new ones. New ones are saved by {@link #save}
     * only once the server has them: a start that dies before that leaves a directory the next
     * start adopts again, rather than a file naming passwords the server never got.
     */
    static Credentials loadOrGenerate(DataDirectory directory) {
        var file = directory.root().resolve(FILE);
        try {
            return Files.exists(file) ? load(file) : new Credentials(generate(), generate(), generate());
        } catch (IOException e) {
            throw DataDirectory.unusable(directory.root(), "its password file " + file + " cannot be read (" + e
                    + ")", "make it readable by the user running Changebot, or delete it to have new passwords set");
        }
    }

    static boolean existIn(DataDirectory directory) {
        return Files.exists(directory.root().resolve(FILE));
    }

    void save(DataDirectory directory) {
        var file = directory.root().resolve(FILE);
        try {
            save(file);
        } catch (IOException e) {
            throw DataDirectory.unusable(directory.root(), "its password file " + file + " cannot be written (" + e
                    + ")", "make the directory writable by the user running Changebot");
        }
    }

    private static Credentials load(Path file) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        var superuser = properties.getProperty("superuser");
        var owner = properties.getProperty("owner");
        var runtime = properties.getProperty("runtime");
        if (superuser == null || owner == null || runtime == null) {
            throw new IOException("it lacks one of superuser, owner, runtime");
        }
        return new Credentials(superuser, owner, runtime);
    }

    private void save(Path file) throws IOException {
        var properties = new Properties();
        properties.setProperty("superuser", superuser);
        properties.setProperty("owner", owner);
        properties.setProperty("runtime", runtime);
        var temporary = file.resolveSibling(FILE + ".new");
        Files.deleteIfExists(temporary);
        // Created with its final mode, so the passwords are never readable by others, not even briefly.
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
            properties.store(out, "Passwords of Changebot's embedded PostgreSQL, generated at its first start");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A one-line file holding the superuser's password, for initdb's --pwfile; deleted by the caller. */
    Path superuserPasswordFile(DataDirectory directory) throws IOException {
        var file = directory.root().resolve("postgres.initdb-password");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, superuser + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String generate() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Credentials[hidden]";
    }
}
