package dev.changebot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code policy check | explain}: the policy file on the command line, no server needed. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Check a Changebot policy file, or explain what it says about a change.",
        subcommands = {PolicyCheckCommand.class, PolicyExplainCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:valid policy / the change may start",
            "1:the change may not start at that instant",
            "2:the policy file is invalid",
            "64:wrong usage"})
public final class PolicyCommand implements Runnable {

    public static final int ALLOWED = 0;
    public static final int BLOCKED = 1;
    public static final int INVALID = 2;
    public static final int USAGE = ChangebotCommand.USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: check or explain");
    }
}
