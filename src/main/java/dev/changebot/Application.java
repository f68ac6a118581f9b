package dev.changebot;

import dev.changebot.cli.ChangebotCommand;
import dev.changebot.config.InvalidPolicyException;
import dev.changebot.persistence.embedded.EarlyStart;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import io.micronaut.runtime.Micronaut;

/**
 * Starts the Changebot server when run without arguments; with any, runs the command line
 * ({@code policy check}, {@code --help}...) and exits, so an unknown word never starts a server.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(ChangebotCommand.run(args));
        }
        // Checked before anything starts, so a broken policy reads as one screen of problems rather
        // than a stack trace; the application context checks it again for every other launcher.
        var spec = System.getenv("CHANGEBOT_POLICY");
        if (PolicyFiles.load(spec) instanceof PolicyLoad.Invalid invalid) {
            System.err.println(new InvalidPolicyException(spec, invalid.problems()).getMessage());
            System.exit(ChangebotCommand.UNUSABLE_INPUT);
        }
        // The embedded PostgreSQL (another process) starts while this JVM loads and wires the application.
        EarlyStart.beginIfNoUrl(System.getenv(), System.getProperties());
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
