package dev.changebot;

import dev.changebot.cli.PolicyCommand;
import dev.changebot.config.InvalidPolicyException;
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
        try {
            Micronaut.build(args).mainClass(Application.class).banner(false).start();
        } catch (RuntimeException e) {
            var policyProblem = rootCause(e, InvalidPolicyException.class);
            if (policyProblem == null) {
                throw e;
            }
            // One screen with every problem, instead of a stack trace.
            System.err.println(policyProblem.getMessage());
            System.exit(PolicyCommand.INVALID);
        }
    }

    private static <T extends Throwable> T rootCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
