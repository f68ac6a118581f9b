package dev.changebot.cli;

import dev.changebot.application.evidence.EvidenceDatabase;
import dev.changebot.application.evidence.ExportEvidence;
import dev.changebot.application.evidence.SignExportedChain;
import dev.changebot.domain.audit.SigningKey;
import dev.changebot.domain.evidence.EvidencePack;
import dev.changebot.domain.evidence.PeriodReading;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evidence export (--period P | --from DAY --to DAY) --out FILE}: the same pack as
 * `/change evidence`, read from the database at {@code --db} (or the server's
 * DATASOURCES_DEFAULT_* variables) in the time zone of the policy in CHANGEBOT_POLICY.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the evidence pack (a zip) for a period: 2026-Q3, 2026-11, 2026-07-01..2026-09-30 or 30d.")
final class EvidenceExportCommand implements Callable<Integer> {

    static final int WRITTEN = 0;
    static final int UNUSABLE = ChangebotCommand.UNUSABLE_INPUT;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Span span;

    static final class Span {
        @Option(names = "--period", paramLabel = "P", description = "2026-Q3, 2026-11, 2026-07-01..2026-09-30 or 30d")
        String period;

        @ArgGroup(exclusive = false)
        Days days;
    }

    static final class Days {
        @Option(names = "--from", required = true, paramLabel = "DAY", description = "first day, e.g. 2026-07-01")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DAY", description = "last day, included, e.g. 2026-09-30")
        String to;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the zip")
    Path out;

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of Changebot's database (default: DATASOURCES_DEFAULT_URL)")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "default: DATASOURCES_DEFAULT_USERNAME")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "default: DATASOURCES_DEFAULT_PASSWORD")
    String password;

    @Option(names = "--workspace", paramLabel = "ID", description = "the Slack workspace (team) id; needed when the database holds several")
    String workspace;

    @Option(names = "--as", paramLabel = "WHO",
            description = "who exports, as recorded in the audit log (e.g. your Slack user id); default: cli:<OS user>")
    String as;

    @CommandLine.Mixin
    KeyOptions key = new KeyOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the defaults come from; tests give their own. */
    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();

    /**
     * The bot's signing key, to sign a checkpoint of the chain as exported and to put its public half
     * in public-key.txt; without a readable key file the pack carries the newest checkpoint recorded,
     * and its README says how far that one covers (the auditor then gets the key from the operators).
     */
    private Optional<SigningKey> signingKey(java.io.PrintWriter err) {
        var file = key.file();
        if (!file.exists()) {
            err.println("No signing key at " + file.location() + ": the pack carries the newest recorded checkpoint,"
                    + " which may not cover the newest entries, and public-key.txt stays empty (give --key-file).");
            return Optional.empty();
        }
        try {
            return Optional.of(file.load(key.name()));
        } catch (RuntimeException unreadable) {
            err.println("Could not read the signing key at " + file.location() + " (" + unreadable.getMessage()
                    + "): the pack carries the newest recorded checkpoint, and public-key.txt stays empty.");
            return Optional.empty();
        }
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var url = db != null ? db : environment.get("DATASOURCES_DEFAULT_URL");
        if (url == null || url.isBlank()) {
            // The bot's own embedded database on this machine: its server, or one started for the export.
            var opened = OwnDatabase.open(err);
            if (opened.session().isEmpty()) {
                if (!opened.failed()) {
                    err.println("Give --db jdbc:postgresql://HOST:PORT/DATABASE (or set DATASOURCES_DEFAULT_URL): the"
                            + " pack is read from Changebot's database, and no embedded database of the bot was found in"
                            + " its data directory (CHANGEBOT_DATA_DIR, default ~/.changebot).");
                }
                return UNUSABLE;
            }
            try (var session = opened.session().get()) {
                user = session.user();
                password = session.password();
                return export(session.url(), err);
            }
        }
        return export(url, err);
    }

    private Integer export(String url, java.io.PrintWriter err) {
        var zone = policyZone();
        var today = clock.instant().atZone(zone).toLocalDate();
        var read = span.period != null ? PeriodReading.read(span.period, zone, today)
                : PeriodReading.between(span.days.from, span.days.to, zone, today);
        if (read instanceof PeriodReading.Refused refused) {
            err.println(refused.reason().replace("`", ""));
            return UNUSABLE;
        }
        var period = ((PeriodReading.Read) read).period();
        try {
            var records = ServiceLoader.load(EvidenceDatabase.class).findFirst()
                    .orElseThrow(() -> new IllegalStateException("this jar has no database reader"))
                    .at(url, orEnv(user, "DATASOURCES_DEFAULT_USERNAME"), orEnv(password, "DATASOURCES_DEFAULT_PASSWORD"));
            var chosen = workspace != null ? workspace : onlyWorkspace(records.workspaces());
            if (chosen == null) {
                return UNUSABLE;
            }
            var now = clock.instant();
            var signing = signingKey(err);
            var data = records.read(chosen, period);
            if (signing.isPresent()) {
                data = SignExportedChain.sign(records, data, signing.get(), now);
            }
            var who = as != null && !as.isBlank() ? as.strip() : "cli:" + System.getProperty("user.name", "unknown");
            var pack = EvidencePack.build(data, period, now, who + " on the command line",
                    signing.map(k -> List.of(k.verifierKey().toString())).orElse(List.of()));
            // Every export is on the record, as `/change evidence` records it: no record, no pack.
            try (var connection = DriverManager.getConnection(url, orEnv(user, "DATASOURCES_DEFAULT_USERNAME"),
                    orEnv(password, "DATASOURCES_DEFAULT_PASSWORD"))) {
                AuditTables.note(connection, chosen, ExportEvidence.EXPORTED, who, now,
                        ExportEvidence.details(period, pack, "command line"));
            } catch (SQLException e) {
                err.println("The export could not be recorded in the audit log (" + e.getMessage() + "), so the pack"
                        + " was not written: every export is recorded. Use a database role that may insert into audit_note.");
                return UNUSABLE;
            }
            Files.write(out, pack.zip());
            spec.commandLine().getOut().println("Wrote " + out + " (SHA-256 " + pack.sha256() + ", recorded in the audit log): "
                    + pack.summary().text().replace("\n", " "));
            return WRITTEN;
        } catch (IOException e) {
            err.println("Could not write " + out + ": " + e.getMessage());
            return UNUSABLE;
        } catch (RuntimeException e) {
            err.println("Could not export the evidence: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private String onlyWorkspace(List<String> workspaces) {
        if (workspaces.size() == 1) {
            return workspaces.get(0);
        }
        spec.commandLine().getErr().println(workspaces.isEmpty()
                ? "The database holds no changes and no audit chain: give --workspace ID to export an empty pack."
                : "The database holds several workspaces (" + String.join(", ", workspaces) + "): give --workspace ID.");
        return null;
    }

    /** Periods are days in the policy's time zone, as in Slack; UTC when the policy cannot be read. */
    private ZoneId policyZone() {
        var load = PolicyFiles.load(environment.get("CHANGEBOT_POLICY"));
        return load instanceof PolicyLoad.Loaded loaded ? loaded.policy().zone() : ZoneOffset.UTC;
    }

    private String orEnv(String given, String variable) {
        return given != null ? given : environment.getOrDefault(variable, "");
    }
}
