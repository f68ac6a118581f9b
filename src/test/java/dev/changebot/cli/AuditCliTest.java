package dev.changebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.VerifierKey;
import dev.changebot.keyfile.SigningKeyFile;
import dev.changebot.support.AuditChainRows;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit pubkey | checkpoint | rotate-key} from the jar's command line, on a real database. */
@Timeout(120)
class AuditCliTest {

    static final String CHAIN = "T0ACME";

    @TempDir
    Path directory;

    @Test
    @DisplayName("pubkey prints the verifier key of the key file, exit 0; no key file: exit 2 naming the file")
    void pubkey() {
        var file = new SigningKeyFile(directory.resolve("key.pem"));
        var missing = run("audit", "pubkey", "--key-file", file.location());
        assertThat(missing.exit()).isEqualTo(ChangebotCommand.UNUSABLE_INPUT);
        assertThat(missing.err()).contains(file.location());

        var key = file.create("changebot-audit");
        var result = run("audit", "pubkey", "--key-file", file.location());

        assertThat(result.exit()).isZero();
        assertThat(VerifierKey.parse(result.out().strip())).isEqualTo(key.verifierKey());
    }

    @Test
    @DisplayName("checkpoint signs each chain that grew, records it and prints the note; a second run signs nothing new")
    void checkpoint() {
        var db = migrated();
        var file = new SigningKeyFile(directory.resolve("key.pem"));
        var key = file.create("changebot-audit");
        var head = AuditChainRows.append(db, CHAIN, 5, Instant.now());
        AuditChainRows.append(db, "T0EMPTY", 0, Instant.now());

        var result = run(database(db, "audit", "checkpoint", "--key-file", file.location()));

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Chain T0ACME: signed size 5.");
        var note = (String) db.rows("SELECT note FROM audit_checkpoint WHERE chain_id = ?", CHAIN).get(0).get("note");
        assertThat(result.out()).contains(note);
        var signed = SignedNote.parse(note);
        assertThat(signed.signedBy(key.verifierKey())).isTrue();
        var checkpoint = Checkpoint.parse(signed.text());
        assertThat(checkpoint.size()).isEqualTo(5);
        assertThat(checkpoint.headHash()).isEqualTo(head);

        var again = run(database(db, "audit", "checkpoint", "--key-file", file.location()));
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("size 5 was signed already");
        assertThat(db.count("audit_checkpoint")).isEqualTo(1);
    }

    @Test
    @DisplayName("rotate-key makes a new key, keeps the old one beside it and records the rotation in every workspace's log")
    void rotateKey() throws Exception {
        var db = migrated();
        var file = new SigningKeyFile(directory.resolve("key.pem"));
        var old = file.create("changebot-audit");
        AuditChainRows.append(db, CHAIN, 1, Instant.now());

        var result = run(database(db, "audit", "rotate-key", "--key-file", file.location()));

        assertThat(result.exit()).as(result.err()).isZero();
        var fresh = file.load("changebot-audit");
        assertThat(fresh.verifierKey()).isNotEqualTo(old.verifierKey());
        assertThat(result.out()).contains(fresh.verifierKey().toString(), old.verifierKey().toString(), "Restart the bot");
        var kept = directory.resolve("key.pem." + String.format("%08x", old.verifierKey().keyId()) + ".old");
        assertThat(new SigningKeyFile(kept).load("changebot-audit").verifierKey()).isEqualTo(old.verifierKey());
        assertThat(Files.getPosixFilePermissions(file.path())).hasSize(2);
        var note = db.rows("SELECT workspace_id, kind, details::text AS details FROM audit_note").get(0);
        assertThat(note).containsEntry("workspace_id", CHAIN).containsEntry("kind", "SigningKeyRotated");
        var details = JsonParser.parseString((String) note.get("details")).getAsJsonObject();
        assertThat(details.get("old").getAsString()).isEqualTo(old.verifierKey().toString());
        assertThat(details.get("new").getAsString()).isEqualTo(fresh.verifierKey().toString());
    }

    @Test
    @DisplayName("rotate-key with a lost key records that the old one was missing")
    void rotateLostKey() {
        var db = migrated();
        var file = new SigningKeyFile(directory.resolve("key.pem"));
        AuditChainRows.append(db, CHAIN, 1, Instant.now());

        var result = run(database(db, "audit", "rotate-key", "--key-file", file.location()));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(file.exists()).isTrue();
        var details = JsonParser.parseString((String) db.rows("SELECT details::text AS d FROM audit_note").get(0).get("d"))
                .getAsJsonObject();
        assertThat(details.get("old").isJsonNull()).isTrue();
        assertThat(details.get("oldKey").getAsString()).isEqualTo("missing");
    }

    @Test
    @DisplayName("an unreachable database: exit 2, the key file untouched; no subcommand or an unknown option: exit 64")
    void failures() {
        var file = new SigningKeyFile(directory.resolve("key.pem"));
        var key = file.create("changebot-audit");

        var unreachable = run("audit", "rotate-key", "--db", "jdbc:postgresql://127.0.0.1:9/none", "--key-file", file.location());

        assertThat(unreachable.exit()).isEqualTo(ChangebotCommand.UNUSABLE_INPUT);
        assertThat(unreachable.err()).contains("could not be used", "Nothing was changed");
        assertThat(file.load("changebot-audit").verifierKey()).isEqualTo(key.verifierKey());
        assertThat(run("audit").exit()).isEqualTo(ChangebotCommand.USAGE);
        assertThat(run("audit", "checkpoint", "--bogus").exit()).isEqualTo(ChangebotCommand.USAGE);
        assertThat(run("audit", "--help").out()).contains("pubkey", "checkpoint", "rotate-key");
    }

    private static TestDatabase migrated() {
        var db = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
        return db;
    }

    private static String[] database(TestDatabase db, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", db.url(), "--db-user", db.user(), "--db-password", db.password() == null ? "" : db.password()));
        return all.toArray(String[]::new);
    }

    private static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = ChangebotCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private record Result(int exit, String out, String err) {
    }
}
