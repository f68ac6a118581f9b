package dev.changebot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.port.AuditNotes;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.audit.ChainEntry;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.EntryBody;
import dev.changebot.domain.audit.EntryHash;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.SigningKey;
import dev.changebot.scheduling.AuditSequencer;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.DatabaseAdmin;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper corpus against PostgreSQL: a chain the app wrote, with a signed checkpoint, copied
 * for each attack and changed as the database's administrator could (triggers off, as superuser);
 * every attack is detected and its first break reported.
 */
@Timeout(600)
class TamperCorpusTest {

    static final SigningKey KEY = SigningKey.generate("changebot-audit");
    static TestDatabase original;
    static Clones clones;
    static String checkpointNote;
    static long size;

    @TempDir
    Path dir;

    @BeforeAll
    static void recordAChain() throws SQLException {
        original = TestPostgres.freshDatabase();
        try (var slack = FakeSlackApi.start();
             var app = RunningApp.start(original, slack, Map.of("changebot.audit.poll", "0s"))) {
            for (int n = 1; n <= 3; n++) {
                app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL,
                        ChangeRef.inChannel("C0DEPLOYS").encode(),
                        ChangeForms.complete(Instant.now().plus(Duration.ofHours(n))).state()), SlackPayloads.FORM);
            }
            app.slack(SlackPayloads.slashCommand("U0ALICE", "C0DEPLOYS", "approve CHG-1"), SlackPayloads.FORM);
            app.slack(SlackPayloads.slashCommand("U0BOB", "C0DEPLOYS", "approve CHG-2"), SlackPayloads.FORM);
            app.bean(Transactions.class).inTransaction(() -> {
                app.bean(AuditNotes.class).record(FakeSlackApi.TEAM_ID, "EvidenceExported", "U0AUDITOR", Instant.now(),
                        Map.of("period", "2026-Q4"));
                return null;
            });
            app.bean(AuditSequencer.class).chainNow();
        }
        // The app's checkpoint job runs on Quartz's real-time schedule and may have signed the chain with
        // the app's own key while it was built; the corpus starts from one checkpoint, signed with KEY.
        DatabaseAdmin.withTriggersOff(original, "DELETE FROM audit_checkpoint_post", "DELETE FROM audit_checkpoint_delivery",
                "DELETE FROM audit_checkpoint");
        size = ((Number) original.rows("SELECT size FROM audit_chain").get(0).get("size")).longValue();
        checkpointNote = signCheckpoint(original, size, KEY);
        insertCheckpoint(original, checkpointNote, size, KEY);
        clones = new Clones(original);
    }

    @AfterAll
    static void dropClones() {
        if (clones != null) {
            clones.dropAll();
        }
    }

    @Test
    @DisplayName("the untouched chain verifies: entries, signed checkpoint and every recorded fact")
    void intact() {
        var verify = Verify.database(clones.copy(), "--pubkey", KEY.verifierKey().toString());

        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains(size + " of " + size + " entries valid", "checkpoint signatures: 1 of 1 valid",
                "result: entries intact, checkpoints signed and consistent");
    }

    @Test
    @DisplayName("one field of an entry's body edited")
    void bodyEdited() {
        var db = clones.copy();
        asAdmin(db, "UPDATE audit_entry SET body = replace(body, '\"U0DEV\"', '\"U0MALLORY\"') WHERE seq = 2");

        assertBreak(Verify.database(db, "--pubkey", KEY.verifierKey().toString()), 2, "is not SHA-256 of its prev and body");
    }

    @Test
    @DisplayName("a change_event row edited after it was chained: the live row differs from its entry")
    void eventRowEdited() {
        var db = clones.copy();
        asAdmin(db, "UPDATE change_event SET actor_id = 'U0MALLORY' WHERE id = (SELECT source_id FROM audit_entry"
                + " WHERE kind = 'ChangeApproved' ORDER BY seq LIMIT 1)");
        long seq = seqOf(db, "ChangeApproved");

        assertBreak(Verify.database(db), seq, "differs from its entry: actor (U0MALLORY vs U0ALICE)");
    }

    @Test
    @DisplayName("an entry deleted")
    void entryDeleted() {
        var db = clones.copy();
        asAdmin(db, "DELETE FROM audit_entry WHERE seq = 3");

        assertBreak(Verify.database(db), 3, "entries 3 are missing");
    }

    @Test
    @DisplayName("an entry inserted in the middle, correctly hashed on its predecessor, the rest renumbered")
    void entryInserted() throws SQLException {
        var db = clones.copy();
        var third = db.rows("SELECT hash, body FROM audit_entry WHERE seq = 3").get(0);
        var body = EntryBody.parse(third.get("body").toString());
        var forged = ChainEntry.append((byte[]) third.get("hash"), new EntryBody(body.chain(), 4, "ChangeApproved",
                1L, "U0MALLORY", body.at(), body.recorded(), "change_event:999", Map.of("step", 0L)));
        asAdmin(db, "UPDATE audit_entry SET seq = seq + 1000 WHERE seq >= 4",
                "UPDATE audit_entry SET seq = seq - 999 WHERE seq >= 1000");
        try (var connection = db.connect(); var statement = connection.prepareStatement("INSERT INTO audit_entry"
                + " (chain_id, seq, prev_hash, hash, body, kind, change_number, occurred_at, source, source_id)"
                + " VALUES (?, 4, ?, ?, ?, 'ChangeApproved', 1, ?, 'change_event', 999)")) {
            statement.setString(1, body.chain());
            statement.setBytes(2, forged.prevHash());
            statement.setBytes(3, forged.hash());
            statement.setString(4, forged.body());
            statement.setTimestamp(5, java.sql.Timestamp.from(Instant.parse(body.at())));
            statement.executeUpdate();
        }

        var verify = Verify.database(db);
        assertBreak(verify, 4, "its fact change_event:999 is gone from where it was recorded");
        assertThat(verify.out()).contains("also at seq 5: its body says seq 4 but it is stored as seq 5");
    }

    @Test
    @DisplayName("two entries swapped")
    void reordered() {
        var db = clones.copy();
        asAdmin(db, "UPDATE audit_entry SET seq = 1003 WHERE seq = 3", "UPDATE audit_entry SET seq = 3 WHERE seq = 4",
                "UPDATE audit_entry SET seq = 4 WHERE seq = 1003");

        assertBreak(Verify.database(db), 3, "is not the hash of the entry before it");
    }

    @Test
    @DisplayName("the tail cut off, the head row and the recorded checkpoints fixed to match: the checkpoint copied from Slack shows it")
    void tailTruncated() throws Exception {
        var db = clones.copy();
        asAdmin(db, "DELETE FROM audit_entry WHERE seq > 4",
                "UPDATE audit_chain SET size = 4, head_hash = (SELECT hash FROM audit_entry WHERE seq = 4)",
                "DELETE FROM audit_checkpoint");
        var fromSlack = Files.writeString(dir.resolve("checkpoint.txt"), checkpointNote);

        var verify = Verify.database(db, "--pubkey", KEY.verifierKey().toString(), "--checkpoint", fromSlack.toString(),
                "--unchained-after", "PT0S");

        assertBreak(verify, 5, "the tail was cut off");
    }

    @Test
    @DisplayName("a forged checkpoint: a recorded checkpoint's text changed after it was signed")
    void forgedCheckpoint() throws SQLException {
        var db = clones.copy();
        var forged = checkpointNote.replace("\n" + size + "\n", "\n" + (size - 1) + "\n");
        asAdmin(db, "DELETE FROM audit_checkpoint");
        try (var connection = db.connect(); var statement = connection.prepareStatement("INSERT INTO audit_checkpoint"
                + " (chain_id, size, head_hash, taken_at, note, key_name, key_id) VALUES (?, ?, ?, now(), ?, 'x', 'x')")) {
            statement.setString(1, FakeSlackApi.TEAM_ID);
            statement.setLong(2, size - 1);
            statement.setBytes(3, new byte[32]);
            statement.setString(4, forged);
            statement.executeUpdate();
        }

        var verify = Verify.database(db, "--pubkey", KEY.verifierKey().toString());

        assertThat(verify.exit()).as(verify.toString()).isEqualTo(1);
        assertThat(verify.out()).contains("has no valid signature by a key given");
    }

    @Test
    @DisplayName("key swap: a fact and its entry rewritten together, the chain re-hashed and re-signed with the attacker's key")
    void keySwap() throws SQLException {
        var db = clones.copy();
        long seq = seqOf(db, "ChangeApproved");
        asAdmin(db, "UPDATE change_event SET actor_id = 'U0MALLORY' WHERE id = (SELECT source_id FROM audit_entry"
                + " WHERE seq = " + seq + ")", "UPDATE audit_entry SET body = replace(body, '\"U0ALICE\"', '\"U0MALLORY\"')"
                + " WHERE seq = " + seq);
        var head = rehash(db);
        var attacker = SigningKey.generate("changebot-audit");
        asAdmin(db, "DELETE FROM audit_checkpoint", "UPDATE audit_chain SET head_hash = decode('"
                + java.util.HexFormat.of().formatHex(head) + "', 'hex')");
        insertCheckpoint(db, signCheckpoint(db, size, attacker), size, attacker);

        var withPublishedKey = Verify.database(db, "--pubkey", KEY.verifierKey().toString());

        assertThat(withPublishedKey.exit()).as(withPublishedKey.toString()).isEqualTo(1);
        assertThat(withPublishedKey.out()).contains("FIRST BREAK at seq " + size, "has no valid signature by a key given");
        assertThat(Verify.database(db).out()).as("without the key, nothing proves the checkpoint")
                .contains("checkpoint signatures: NOT CHECKED");
    }

    static void assertBreak(Verify verify, long seq, String what) {
        assertThat(verify.exit()).as(verify.toString()).isEqualTo(1);
        assertThat(verify.out()).as(verify.toString()).contains("FIRST BREAK at seq " + seq + ": ").contains(what)
                .contains("result: TAMPERED");
    }

    static long seqOf(TestDatabase db, String kind) {
        return ((Number) db.rows("SELECT min(seq) AS seq FROM audit_entry WHERE kind = ?", kind).get(0).get("seq")).longValue();
    }

    /** As the tables' owner with the triggers off: what an administrator of the database can do. */
    static void asAdmin(TestDatabase db, String... statements) {
        DatabaseAdmin.withTriggersOff(db, statements);
    }

    /** Recomputes every hash from the stored bodies, as an attacker who knows the documented encoding would. */
    static byte[] rehash(TestDatabase db) {
        var previous = EntryHash.genesis();
        for (var row : db.rows("SELECT seq, body FROM audit_entry ORDER BY seq")) {
            var hash = EntryHash.of(previous, row.get("body").toString());
            try (var connection = db.connect(); var statement = connection.prepareStatement(
                    "UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                connection.createStatement().execute("SET session_replication_role = replica");
                statement.setBytes(1, previous);
                statement.setBytes(2, hash);
                statement.setLong(3, ((Number) row.get("seq")).longValue());
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            previous = hash;
        }
        return previous;
    }

    static String signCheckpoint(TestDatabase db, long size, SigningKey key) {
        var head = (byte[]) db.rows("SELECT hash FROM audit_entry WHERE seq = ?", size).get(0).get("hash");
        return SignedNote.sign(new Checkpoint(Checkpoint.originOf(FakeSlackApi.TEAM_ID), size, head,
                Instant.parse("2026-12-01T10:00:00Z")).text(), key).format();
    }

    static void insertCheckpoint(TestDatabase db, String note, long size, SigningKey key) throws SQLException {
        var checkpoint = Checkpoint.parse(SignedNote.parse(note).text());
        try (var connection = db.connect(); var statement = connection.prepareStatement("INSERT INTO audit_checkpoint"
                + " (chain_id, size, head_hash, taken_at, note, key_name, key_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, FakeSlackApi.TEAM_ID);
            statement.setLong(2, size);
            statement.setBytes(3, checkpoint.headHash());
            statement.setTimestamp(4, java.sql.Timestamp.from(checkpoint.takenAt()));
            statement.setString(5, note);
            statement.setString(6, key.name());
            statement.setString(7, String.format("%08x", key.verifierKey().keyId()));
            statement.executeUpdate();
        }
    }
}
