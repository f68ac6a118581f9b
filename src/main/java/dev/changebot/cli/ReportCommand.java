package dev.changebot.cli;

import dev.changebot.application.metrics.MetricFactsReader;
import dev.changebot.application.metrics.MetricsDatabase;
import dev.changebot.application.metrics.ReportMetrics;
import dev.changebot.domain.metrics.MetricsWindow;
import dev.changebot.domain.metrics.ReportFormats;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report --period 2026-11 --format csv|json|md}: the metrics of docs/metrics.md for a period,
 * on standard output, read from the database at {@code --db} (or the server's DATASOURCES_DEFAULT_*
 * variables, or the bot's embedded database) in the time zone of the policy in CHANGEBOT_POLICY.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print the metrics report (docs/metrics.md) for a period: 2026-11, 2026-Q4, 2026-07-01..2026-09-30 or 30d.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--period", required = true, paramLabel = "P", description = "2026-11, 2026-Q4, 2026-07-01..2026-09-30 or 30d")
    String period;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "csv, json or md (default: md)")
    String format;

    @Option(names = "--environment", paramLabel = "ENV", defaultValue = MetricsWindow.PRODUCTION,
            description = "the environment the DORA keys are about (default: production)")
    String environment;

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of Changebot's database (default: DATASOURCES_DEFAULT_URL)")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "default: DATASOURCES_DEFAULT_USERNAME")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "default: DATASOURCES_DEFAULT_PASSWORD")
    String password;

    @Option(names = "--workspace", paramLabel = "ID", description = "the Slack workspace (team) id; needed when the database holds several")
    String workspace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the defaults come from; tests give their own. */
    Map<String, String> environmentVariables = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (!ReportFormats.NAMES.contains(format)) {
            err.println("--format is csv, json or md, not " + format + ".");
            return ChangebotCommand.USAGE;
        }
        var url = db != null ? db : environmentVariables.get("DATASOURCES_DEFAULT_URL");
        if (url == null || url.isBlank()) {
            var opened = OwnDatabase.open(err);
            if (opened.session().isEmpty()) {
                if (!opened.failed()) {
                    err.println("Give --db jdbc:postgresql://HOST:PORT/DATABASE (or set DATASOURCES_DEFAULT_URL): the"
                            + " report is read from Changebot's database, and no embedded database of the bot was found"
                            + " in its data directory (CHANGEBOT_DATA_DIR, default ~/.changebot).");
                }
                return ChangebotCommand.UNUSABLE_INPUT;
            }
            try (var session = opened.session().get()) {
                return report(reader(session.url(), session.user(), session.password()), err);
            }
        }
        return report(reader(url, orEnv(user, "DATASOURCES_DEFAULT_USERNAME"), orEnv(password, "DATASOURCES_DEFAULT_PASSWORD")), err);
    }

    private MetricFactsReader reader(String url, String dbUser, String dbPassword) {
        return ServiceLoader.load(MetricsDatabase.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("this jar has no database reader"))
                .at(url, dbUser, dbPassword);
    }

    private Integer report(MetricFactsReader facts, PrintWriter err) {
        try {
            var chosen = workspace != null ? workspace : onlyWorkspace(facts.workspaces(), err);
            if (chosen == null) {
                return ChangebotCommand.UNUSABLE_INPUT;
            }
            var result = new ReportMetrics(facts, policyZone(), clock).period(chosen, period, environment);
            if (result instanceof ReportMetrics.Refused refused) {
                err.println(refused.reason().replace("`", ""));
                return ChangebotCommand.UNUSABLE_INPUT;
            }
            var report = ((ReportMetrics.Reported) result).report();
            spec.commandLine().getOut().print(ReportFormats.render(report, format));
            if (report.noData()) {
                err.println("No data in " + period + ": nothing was requested, approved, deployed or finished then.");
            }
            return ChangebotCommand.OK;
        } catch (RuntimeException e) {
            err.println("Could not compute the report: " + e.getMessage());
            return ChangebotCommand.UNUSABLE_INPUT;
        }
    }

    /** One workspace in the database is the one; none gives an empty report of the default workspace "". */
    private String onlyWorkspace(List<String> workspaces, PrintWriter err) {
        if (workspaces.size() > 1) {
            err.println("The database holds several workspaces (" + String.join(", ", workspaces) + "): give --workspace ID.");
            return null;
        }
        return workspaces.isEmpty() ? "" : workspaces.get(0);
    }

    /** Periods are days in the policy's time zone, as in Slack; UTC when the policy cannot be read. */
    private ZoneId policyZone() {
        var load = PolicyFiles.load(environmentVariables.get("CHANGEBOT_POLICY"));
        return load instanceof PolicyLoad.Loaded loaded ? loaded.policy().zone() : ZoneOffset.UTC;
    }

    private String orEnv(String given, String variable) {
        return given != null ? given : environmentVariables.getOrDefault(variable, "");
    }
}
