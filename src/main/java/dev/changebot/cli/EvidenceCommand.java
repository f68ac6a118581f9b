package dev.changebot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code evidence export}: the auditor's evidence pack, straight from the database. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Export the evidence pack for a period (docs/audit.md, The evidence pack).",
        subcommands = {EvidenceExportCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the pack was written",
            "2:unusable input (a period that cannot be exported, a database that cannot be read)",
            "64:wrong usage"})
public final class EvidenceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: export");
    }
}
