package dev.changebot.keyfile;

import dev.changebot.application.port.SigningKeyStore;
import dev.changebot.domain.audit.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint signing key in a PEM file ({@link SigningKey#pem()}) that only its owner may read
 * (0600): by default {@code audit-signing-key.pem} beside the embedded database's data, in
 * {@code CHANGEBOT_DATA_DIR} or {@code ~/.changebot}; {@code CHANGEBOT_AUDIT_KEY_FILE} names another.
 * Written whole or not at all (a temporary file created with its final mode, then moved), so a crash
 * never leaves half a key, and never readable by others, not even briefly.
 */
public final class SigningKeyFile implements SigningKeyStore {

    public static final String FILE_NAME = "audit-signing-key.pem";
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    public SigningKeyFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /**
     * The key file: {@code keyFile} when given, else {@value #FILE_NAME} in the data directory —
     * {@code dataDir} when given, else {@code $HOME/.changebot}, resolved as the embedded database
     * resolves its own ({@code DataDirectory}: HOME first, then {@code user.home}).
     */
    public static SigningKeyFile locate(String keyFile, String dataDir, Map<String, String> environment) {
        if (keyFile != null && !keyFile.isBlank()) {
            return new SigningKeyFile(Path.of(keyFile.strip()));
        }
        if (dataDir != null && !dataDir.isBlank()) {
            return new SigningKeyFile(Path.of(dataDir.strip()).resolve(FILE_NAME));
        }
        var home = environment.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return new SigningKeyFile(Path.of(home, ".changebot", FILE_NAME));
    }

    /** As the bot finds it: {@code CHANGEBOT_AUDIT_KEY_FILE}, else in {@code CHANGEBOT_DATA_DIR} or {@code ~/.changebot}. */
    public static SigningKeyFile fromEnvironment(Map<String, String> environment) {
        return locate(environment.get("CHANGEBOT_AUDIT_KEY_FILE"), environment.get("CHANGEBOT_DATA_DIR"), environment);
    }

    public Path path() {
        return path;
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public boolean exists() {
        return Files.exists(path);
    }

    @Override
    public SigningKey load(String name) {
        String pem;
        try {
            pem = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("it cannot be read by user '" + System.getProperty("user.name")
                    + "' (permission denied)");
        } catch (IOException e) {
            throw new IllegalArgumentException("it cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        var key = SigningKey.fromPem(name, pem);
        warnIfOthersCanRead();
        return key;
    }

    @Override
    public SigningKey create(String name) {
        var key = SigningKey.generate(name);
        try {
            Files.createDirectories(path.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            var temporary = write(key);
            try {
                // A hard link, not a rename: it fails when a key is there already (another node
                // sharing the directory was faster), where a rename would replace that key.
                Files.createLink(path, temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileAlreadyExistsException e) {
            // Another node sharing the directory made it first: that one is the key.
            return load(name);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the audit signing key to " + path + ": " + e, e);
        }
        return key;
    }

    /**
     * Puts {@code key} in place of the current one, which is kept beside it as {@code <file>.<key id>.old}
     * (whoever rotates decides when to destroy it). Returns where the old key went, if there was one.
     */
    public java.util.Optional<Path> replace(SigningKey key, String oldKeyId) throws IOException {
        Files.createDirectories(path.getParent());
        var temporary = write(key);
        java.util.Optional<Path> kept = java.util.Optional.empty();
        if (Files.exists(path)) {
            var old = path.resolveSibling(path.getFileName() + "." + oldKeyId + ".old");
            Files.move(path, old, StandardCopyOption.REPLACE_EXISTING);
            kept = java.util.Optional.of(old);
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        return kept;
    }

    private Path write(SigningKey key) throws IOException {
        // A name of its own, so two writers never share it; created with its final mode.
        var temporary = Files.createTempFile(path.getParent(), path.getFileName() + ".", ".new",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(temporary, key.pem(), StandardCharsets.US_ASCII);
        return temporary;
    }

    private void warnIfOthersCanRead() {
        try {
            var permissions = Files.getPosixFilePermissions(path);
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.warn("The audit signing key {} can be read by others ({}): `chmod 600 {}`", path,
                        PosixFilePermissions.toString(permissions), path);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    @Override
    public String toString() {
        return "SigningKeyFile[" + path + "]";
    }
}
