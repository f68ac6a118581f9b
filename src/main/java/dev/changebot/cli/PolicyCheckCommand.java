package dev.changebot.cli;

import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code policy check FILE}: every problem, with line and column, or a one-line summary. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate a policy file (a path, or preset:NAME).")
final class PolicyCheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "path of the policy YAML, or preset:NAME")
    String file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var load = PolicyFiles.load(file);
        if (load instanceof PolicyLoad.Invalid invalid) {
            invalid.problems().forEach(p -> spec.commandLine().getErr().println(p));
            spec.commandLine().getErr().println(invalid.problems().size() + " problem"
                    + (invalid.problems().size() == 1 ? "" : "s") + " in " + file);
            return PolicyCommand.INVALID;
        }
        var policy = ((PolicyLoad.Loaded) load).policy();
        out.println(file + ": valid — policy '" + policy.id() + "', classes " + String.join(", ", policy.classes().keySet())
                + ", " + policy.roles().size() + " roles, " + policy.windows().size() + " windows, "
                + policy.freezes().size() + " freezes"
                + (policy.kpis().isEmpty() ? "" : ", " + policy.kpis().size() + " KPI targets"));
        return PolicyCommand.ALLOWED;
    }
}
