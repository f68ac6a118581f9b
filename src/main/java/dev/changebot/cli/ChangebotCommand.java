package dev.changebot.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's command line. Without arguments the jar runs the server (Application decides that);
 * with any, it runs one of these commands and exits, so a typo never starts a server by accident.
 */
@Command(name = "changebot", mixinStandardHelpOptions = true, versionProvider = ChangebotVersion.class,
        description = {
            "Change management that lives in Slack.",
            "",
            "Run without arguments to start the server (see README: configuration comes from the environment)."},
        subcommands = {PolicyCommand.class, AuditCommand.class, EvidenceCommand.class, TokenCommand.class, ReportCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done / the answer is yes / the audit log is intact",
            "1:the answer is no (the change may not start) / the audit log was tampered with",
            "2:unusable input (an invalid policy file, an unreadable pack or database, an unusable signing key,"
                + " a period that cannot be exported or reported)",
            "64:wrong usage"})
public final class ChangebotCommand implements Runnable {

    public static final int OK = 0;
    public static final int NO = 1;
    public static final int UNUSABLE_INPUT = 2;
    public static final int USAGE = 64;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Say what to do: policy, audit, evidence, token, report, or no argument to start the server");
    }

    /** Runs a command on the console and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var commandLine = new CommandLine(new ChangebotCommand()).setOut(out).setErr(err);
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return USAGE;
        });
        int exit = commandLine.execute(args);
        // print() does not flush picocli's writers, and System.exit follows.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return exit;
    }
}
