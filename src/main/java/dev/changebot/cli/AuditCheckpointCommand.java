package dev.changebot.cli;

import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.SigningKey;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code audit checkpoint}: signs, now, every chain that grew since its newest checkpoint, and
 * records it; the running bot posts it to the audit channel at its next look (within a minute).
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = {"Sign a checkpoint of every audit chain that grew since its newest one, now, and record it in the"
                + " database (the running bot posts it to the audit channel within a minute).",
            "Prints each signed note: keep a copy, or check the log against it with `audit verify --checkpoint FILE`."})
final class AuditCheckpointCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @CommandLine.Mixin
    KeyOptions key = new KeyOptions();

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
        SigningKey signingKey;
        try {
            if (!file.exists()) {
                err.println("No signing key at " + file.location() + ". Name the bot's key with --key-file (or"
                        + " CHANGEBOT_AUDIT_KEY_FILE); the bot creates it at its first start.");
                return ChangebotCommand.UNUSABLE_INPUT;
            }
            signingKey = file.load(key.name());
        } catch (IllegalArgumentException e) {
            err.println("The signing key " + file.location() + " cannot be used: " + e.getMessage());
            return ChangebotCommand.UNUSABLE_INPUT;
        }
        try (var connection = database.connect()) {
            var chains = AuditTables.chains(connection);
            if (chains.stream().noneMatch(c -> c.size() > 0)) {
                out.println("No audit chain has entries yet: nothing to sign.");
                return ChangebotCommand.OK;
            }
            var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (var chain : chains) {
                if (!chain.unsigned()) {
                    if (chain.size() > 0) {
                        out.println("Chain " + chain.id() + ": size " + chain.size() + " was signed already, at "
                                + chain.newestAt() + ".");
                    }
                    continue;
                }
                var checkpoint = new Checkpoint(Checkpoint.originOf(chain.id()), chain.size(), chain.head(), now);
                var note = SignedNote.sign(checkpoint.text(), signingKey).format();
                if (AuditTables.record(connection, checkpoint, note, signingKey.verifierKey())) {
                    out.println("Chain " + chain.id() + ": signed size " + chain.size() + ".");
                    out.print(note);
                } else {
                    out.println("Chain " + chain.id() + ": size " + chain.size() + " was signed meanwhile by the bot.");
                }
            }
            return ChangebotCommand.OK;
        } catch (SQLException e) {
            err.println("The database " + database.url() + " could not be used: " + e.getMessage());
            return ChangebotCommand.UNUSABLE_INPUT;
        }
    }
}
