package dev.changebot.cli;

import dev.changebot.domain.audit.SigningKey;
import dev.changebot.domain.audit.VerifierKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audit rotate-key}: a new signing key, on purpose and on the record. The rotation is written
 * to every workspace's audit chain ({@code SigningKeyRotated}, old and new verifier keys) in the same
 * transaction that is committed only once the new key file is in place; the old key is kept beside
 * it. The bot signs with the key it read at start: restart it (every node) afterwards.
 */
@Command(name = "rotate-key", mixinStandardHelpOptions = true,
        description = {"Replace the checkpoint signing key with a new one and record the rotation in the audit log.",
            "The old key file is kept beside the new one (<file>.<old key id>.old). Restart the bot afterwards."})
final class AuditRotateKeyCommand implements Callable<Integer> {

    static final String KIND = "SigningKeyRotated";

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @CommandLine.Mixin
    KeyOptions key = new KeyOptions();

    @Option(names = "--workspace", paramLabel = "ID",
            description = "record the rotation in this workspace's chain (repeatable); default: every workspace")
    List<String> workspaces;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return database.runOn(err, () -> work(out, err));
    }

    private Integer work(java.io.PrintWriter out, java.io.PrintWriter err) {
        var file = key.file();
        VerifierKey old = null;
        String oldProblem = null;
        if (file.exists()) {
            try {
                old = file.load(key.name()).verifierKey();
            } catch (IllegalArgumentException e) {
                // A key that cannot be read is a reason to rotate; the record says it was unreadable.
                oldProblem = e.getMessage();
            }
        }
        var fresh = SigningKey.generate(key.name());
        var details = new LinkedHashMap<String, Object>();
        details.put("old", old == null ? null : old.toString());
        details.put("new", fresh.verifierKey().toString());
        details.put("keyFile", file.location());
        if (old == null) {
            details.put("oldKey", oldProblem == null ? "missing" : "unreadable: " + oldProblem);
        }
        try (var connection = database.connect()) {
            connection.setAutoCommit(false);
            var recordedIn = workspaces == null || workspaces.isEmpty() ? AuditTables.workspaces(connection) : workspaces;
            var actor = "cli:" + System.getProperty("user.name");
            var now = Instant.now();
            for (var workspace : recordedIn) {
                AuditTables.note(connection, workspace, KIND, actor, now, details);
            }
            var kept = replaceKeyFile(file, fresh, old);
            try {
                connection.commit();
            } catch (SQLException e) {
                restore(file, kept);
                throw e;
            }
            out.println("New signing key " + file.location() + ": " + fresh.verifierKey());
            kept.ifPresent(path -> out.println("The old key is kept at " + path + " (destroy it when you decide)."));
            if (old != null) {
                out.println("Checkpoints signed before stay valid under the old verifier key: " + old);
            }
            out.println(recordedIn.isEmpty() ? "No workspace has an audit log yet: nothing to record the rotation in."
                    : "Recorded as " + KIND + " in the audit log of " + String.join(", ", recordedIn) + ".");
            out.println("Restart the bot (every node) so it signs with the new key.");
            return ChangebotCommand.OK;
        } catch (SQLException e) {
            err.println("The database " + database.url() + " could not be used: " + e.getMessage()
                    + ". Nothing was changed.");
            return ChangebotCommand.UNUSABLE_INPUT;
        } catch (IOException e) {
            err.println("The new key could not be written to " + file.location() + ": " + e + ". Nothing was changed.");
            return ChangebotCommand.UNUSABLE_INPUT;
        }
    }

    private static java.util.Optional<java.nio.file.Path> replaceKeyFile(dev.changebot.keyfile.SigningKeyFile file,
                                                                         SigningKey fresh, VerifierKey old)
            throws IOException {
        return file.replace(fresh, old == null ? "unreadable-" + Instant.now().getEpochSecond()
                : String.format("%08x", old.keyId()));
    }

    /** The database refused the record at the last moment: the old key goes back where it was. */
    private static void restore(dev.changebot.keyfile.SigningKeyFile file, java.util.Optional<java.nio.file.Path> kept) {
        try {
            if (kept.isPresent()) {
                Files.move(kept.get(), file.path(), StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(file.path());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The rotation was not recorded and the old key could not be put back"
                    + " at " + file.path(), e);
        }
    }

}
