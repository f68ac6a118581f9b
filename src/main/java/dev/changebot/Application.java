package dev.changebot;

import dev.changebot.cli.ChangebotCommand;
import dev.changebot.config.InvalidPolicyException;
import dev.changebot.persistence.embedded.EarlyStart;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import dev.changebot.slack.connection.SdkWarmUp;

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
        atLeastTwoCommonPoolWorkers();
        // Checked before anything starts, so a broken policy reads as one screen of problems rather
        // than a stack trace; the application context checks it again for every other launcher.
        var spec = System.getenv("CHANGEBOT_POLICY");
        if (PolicyFiles.load(spec) instanceof PolicyLoad.Invalid invalid) {
            System.err.println(new InvalidPolicyException(spec, invalid.problems()).getMessage());
            System.exit(ChangebotCommand.UNUSABLE_INPUT);
        }
        // The embedded PostgreSQL (another process) and the Slack SDK's set-up start while this thread
        // loads and wires the application.
        EarlyStart.beginIfNoUrl(System.getenv(), System.getProperties());
        SdkWarmUp.beginIfConfigured(System.getenv());
        new ExplainedStartup().args(args).mainClass(Application.class).banner(false).start();
    }

    /**
     * Micronaut loads its bean definitions (about 700 classes at every start) on the common
     * fork-join pool, but only if that pool has more than one worker, and by default it has one
     * fewer than there are cores: on a 2-core machine the main thread loaded them all alone.
     * Nothing of ours uses the pool; an operator's own setting is kept. Must run before anything
     * touches {@code ForkJoinPool}, which reads the property once.
     */
    private static void atLeastTwoCommonPoolWorkers() {
        var property = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(property) == null && Runtime.getRuntime().availableProcessors() - 1 < 2) {
            System.setProperty(property, "2");
        }
    }
}
