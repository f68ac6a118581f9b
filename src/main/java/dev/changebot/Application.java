package dev.changebot;

import dev.changebot.cli.PolicyCommand;
import dev.changebot.config.InvalidPolicyException;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import io.micronaut.runtime.Micronaut;
import java.util.Arrays;

/** Starts Changebot, or runs the policy CLI when the first argument is {@code policy}. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("policy")) {
            System.exit(PolicyCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        // Checked before anything starts, so a broken policy reads as one screen of problems rather
        // than a stack trace; the application context checks it again for every other launcher.
        var spec = System.getenv("CHANGEBOT_POLICY");
        if (PolicyFiles.load(spec) instanceof PolicyLoad.Invalid invalid) {
            System.err.println(new InvalidPolicyException(spec, invalid.problems()).getMessage());
            System.exit(PolicyCommand.INVALID);
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
