package dev.changebot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code audit pubkey | checkpoint | rotate-key}: the audit log's signing key and checkpoints. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit log's signed checkpoints and their key (docs/audit.md).",
        subcommands = {AuditPubkeyCommand.class, AuditCheckpointCommand.class, AuditRotateKeyCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "2:unusable input (no key, an unreadable key, no database)",
            "64:wrong usage"})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: pubkey, checkpoint or rotate-key");
    }
}
