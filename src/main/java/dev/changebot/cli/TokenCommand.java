package dev.changebot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code token create|list|revoke}: API tokens for pipelines, on the bot's database (docs/gate.md). */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Create, list or revoke the API tokens pipelines use for the gate API (docs/gate.md).",
        subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "2:unusable input (a name taken or unknown, a database that cannot be reached)",
            "64:wrong usage"})
public final class TokenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: create, list or revoke");
    }
}
