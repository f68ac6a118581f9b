package dev.changebot.cli;

import dev.changebot.cli.audit.AuditVerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code audit verify | pubkey | checkpoint | rotate-key}: the tamper-evident audit log, looked at from
 * outside the running bot — verified, and its signing key and checkpoints managed.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify the tamper-evident audit log; its signed checkpoints and their key (docs/audit.md).",
        subcommands = {AuditVerifyCommand.class, AuditPubkeyCommand.class, AuditCheckpointCommand.class, AuditRotateKeyCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done / the audit log is intact",
            "1:the audit log was tampered with",
            "2:unusable input (no key, an unreadable key, pack or database, no database)",
            "64:wrong usage"})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: verify, pubkey, checkpoint or rotate-key");
    }
}
