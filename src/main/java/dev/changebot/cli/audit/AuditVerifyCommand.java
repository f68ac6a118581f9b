package dev.changebot.cli.audit;

import dev.changebot.domain.audit.ChainVerifier;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.VerificationReport;
import dev.changebot.domain.audit.VerifierKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.changebot.application.port.BotsOwnDatabase;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * {@code audit verify}: checks a live database or an evidence pack, with the public key and any
 * checkpoint copied from Slack. Separate from the writer: plain JDBC or a zip, and the domain's
 * encoding. Exit 0 intact, 1 tampered, 2 unusable input, 64 wrong usage.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the audit log: every entry's hash and link, the sequence, the checkpoints' signatures",
            "and consistency (a cut-off tail), change numbers without gaps, and — against a live database —",
            "every recorded fact against its entry. Reports the first break with its seq and what differs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:intact", "1:tampered (the first break is reported)",
            "2:unusable input (database unreachable, not a pack, a malformed key or checkpoint)", "64:wrong usage"})
public final class AuditVerifyCommand implements Callable<Integer> {

    static final int INTACT = 0;
    static final int USAGE = 64;
    static final int TAMPERED = 1;
    static final int UNUSABLE = 2;

    /** Neither: the bot's own embedded database on this machine (running, or started for the command). */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source = new Source();

    static final class Source {
        @Option(names = "--db", paramLabel = "URL", description = "JDBC URL of the live database (jdbc:postgresql://host/db)")
        String db;

        @Option(names = "--pack", paramLabel = "FILE", description = "an evidence pack (zip) exported by changebot")
        Path pack;
    }

    @Option(names = "--db-user", paramLabel = "USER", description = "database user (default: the URL's, or PGUSER)")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "database password (default: PGPASSWORD from the environment)")
    String dbPassword;

    @Option(names = "--pubkey", paramLabel = "KEY|FILE",
            description = "a verifier key (name+id+key) or a file of them, one a line; repeatable")
    List<String> pubkeys = new ArrayList<>();

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "a signed checkpoint, e.g. copied from the audit channel")
    Path checkpoint;

    @Option(names = "--chain", paramLabel = "ID", description = "only this chain (a Slack workspace id)")
    String chain;

    @Option(names = "--unchained-after", paramLabel = "DURATION", defaultValue = "PT1M",
            description = "live database: a recorded fact not chained after this long is reported (ISO-8601, default PT1M)")
    Duration unchainedBound;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        List<VerifierKey> keys;
        List<String> notes;
        try {
            keys = keys();
            notes = checkpointNotes();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return UNUSABLE;
        }
        if (source.pack == null && source.db == null) {
            Optional<BotsOwnDatabase.Session> own;
            try {
                own = ownDatabase(err);
            } catch (IllegalStateException e) {
                err.println("The bot's embedded database could not be used: " + e.getMessage());
                return UNUSABLE;
            }
            if (own.isEmpty()) {
                return USAGE;
            }
            try (var session = own.get()) {
                source.db = session.url();
                dbUser = session.user();
                dbPassword = session.password();
                return verify(keys, notes, out, err);
            }
        }
        return verify(keys, notes, out, err);
    }

    /** The bot's own embedded database, when neither --db nor --pack is given. */
    private Optional<BotsOwnDatabase.Session> ownDatabase(java.io.PrintWriter err) {
        var session = ServiceLoader.load(BotsOwnDatabase.class).findFirst().flatMap(d -> d.open(System.getenv()));
        if (session.isEmpty()) {
            err.println("Give --db URL or --pack FILE: no embedded database of the bot was found in its data"
                    + " directory (CHANGEBOT_DATA_DIR, default ~/.changebot).");
        }
        session.ifPresent(s -> err.println("Using " + s.describe() + "."));
        return session;
    }

    private Integer verify(List<VerifierKey> keys, List<String> notes, java.io.PrintWriter out, java.io.PrintWriter err) {
        List<ChainVerifier> chains;
        try {
            if (source.pack != null) {
                var read = PackChains.read(source.pack, chain, keys, notes);
                chains = read.chains();
                out.println("pack " + source.pack + (read.packKeys().isEmpty() ? "" : ", public key(s) in the pack: "
                        + String.join(", ", read.packKeys())));
                if (keys.isEmpty() && !read.packKeys().isEmpty()) {
                    out.println("  (keys in the pack are not trusted: compare them with the published key and pass it"
                            + " with --pubkey)");
                }
            } else {
                chains = fromDatabase(keys, notes);
                out.println("database " + source.db);
            }
        } catch (PackChains.UnusablePack e) {
            err.println(e.getMessage());
            return UNUSABLE;
        } catch (SQLException e) {
            err.println("Cannot read the audit log from " + source.db + ": " + e.getMessage());
            return UNUSABLE;
        }
        if (!keys.isEmpty()) {
            out.println("public keys: " + String.join(", ", keys.stream().map(VerifierKey::toString).toList()));
        }
        var report = new VerificationReport(chains.stream().map(ChainVerifier::finish).toList());
        report.lines().forEach(out::println);
        out.flush();
        return report.intact() ? INTACT : TAMPERED;
    }

    private List<ChainVerifier> fromDatabase(List<VerifierKey> keys, List<String> notes) throws SQLException {
        var properties = new Properties();
        var user = dbUser != null ? dbUser : System.getenv("PGUSER");
        var password = dbPassword != null ? dbPassword : System.getenv("PGPASSWORD");
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        try (var connection = DriverManager.getConnection(source.db, properties)) {
            return DatabaseChains.read(connection, chain, keys, notes, unchainedBound);
        }
    }

    /** Each --pubkey: a key string, or a file holding key strings one a line (blank lines and # comments skipped). */
    private List<VerifierKey> keys() {
        var keys = new ArrayList<VerifierKey>();
        for (var given : pubkeys) {
            var path = Path.of(given);
            if (!given.contains("+") || Files.isRegularFile(path)) {
                try {
                    for (var line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                        if (!line.isBlank() && !line.strip().startsWith("#")) {
                            keys.add(parseKey(line, given));
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalArgumentException("Cannot read the public key file " + given + ": " + e.getMessage());
                }
            } else {
                keys.add(parseKey(given, "--pubkey"));
            }
        }
        return keys;
    }

    private static VerifierKey parseKey(String text, String where) {
        try {
            return VerifierKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a public key (" + where + "): " + e.getMessage());
        }
    }

    private List<String> checkpointNotes() {
        if (checkpoint == null) {
            return List.of();
        }
        String note;
        try {
            note = Files.readString(checkpoint, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the checkpoint " + checkpoint + ": " + e.getMessage());
        }
        try {
            Checkpoint.parse(SignedNote.parse(note).text());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a signed checkpoint (" + checkpoint + "): " + e.getMessage());
        }
        return List.of(note);
    }
}
