package dev.changebot.cli.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code audit ...}: the tamper-evident audit log, looked at from outside the running bot. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify the tamper-evident audit log (docs/audit.md).",
        subcommands = {AuditVerifyCommand.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: audit verify");
    }
}
