package dev.changebot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.audit.ChainEntry;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.EntryHash;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.SigningKey;
import dev.changebot.domain.audit.SourceFact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `audit verify --pack`: offline, on a pack laid out as docs/audit.md describes; exit codes 0, 1, 2, 64. */
class PackVerifyTest {

    static final String CHAIN = "T0ACME";
    final SigningKey key = SigningKey.generate("changebot-audit");
    final List<ChainEntry> entries = chain(12);

    @TempDir
    Path dir;

    @Test
    @DisplayName("an intact pack with its checkpoint verifies offline with the published key: exit 0")
    void intactPack() throws IOException {
        var pack = pack(lines(entries), checkpoint(entries.size()));

        var verify = Verify.run("audit", "verify", "--pack", pack.toString(), "--pubkey", key.verifierKey().toString());

        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("12 of 12 entries valid", "change numbers: CHG-1..CHG-6 without gaps",
                "checkpoint signatures: 1 of 1 valid");
    }

    @Test
    @DisplayName("the public key may be given as a file of keys; without any key the signatures are said to be unchecked")
    void keyFileAndNoKey() throws IOException {
        var pack = pack(lines(entries), checkpoint(entries.size()));
        var keys = Files.writeString(dir.resolve("keys.txt"), "# published\n" + key.verifierKey() + "\n");

        assertThat(Verify.run("audit", "verify", "--pack", pack.toString(), "--pubkey", keys.toString()).exit()).isZero();
        var unkeyed = Verify.run("audit", "verify", "--pack", pack.toString());
        assertThat(unkeyed.exit()).isZero();
        assertThat(unkeyed.out()).contains("keys in the pack are not trusted", "checkpoint signatures NOT checked");
    }

    @Test
    @DisplayName("a line of audit.jsonl edited: exit 1 with the first break")
    void editedLine() throws IOException {
        var lines = lines(entries);
        lines.set(4, lines.get(4).replace("U0DEV", "U0EVE"));
        var pack = pack(lines, checkpoint(entries.size()));

        var verify = Verify.run("audit", "verify", "--pack", pack.toString(), "--pubkey", key.verifierKey().toString());

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("FIRST BREAK at seq 5: its hash");
    }

    @Test
    @DisplayName("the pack's last lines removed: its own checkpoint shows the cut")
    void truncatedPack() throws IOException {
        var pack = pack(lines(entries).subList(0, 9), checkpoint(entries.size()));

        var verify = Verify.run("audit", "verify", "--pack", pack.toString(), "--pubkey", key.verifierKey().toString());

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("FIRST BREAK at seq 10: the log ends at seq 9");
    }

    @Test
    @DisplayName("not a pack, a malformed key or checkpoint: exit 2 with what is wrong; no source or both: exit 64")
    void unusableInputAndUsage() throws IOException {
        var notZip = Files.writeString(dir.resolve("pack.zip"), "hello");
        var pack = pack(lines(entries), checkpoint(entries.size()));
        var badCheckpoint = Files.writeString(dir.resolve("cp.txt"), "not a checkpoint");

        var garbage = Verify.run("audit", "verify", "--pack", notZip.toString());
        assertThat(garbage.exit()).isEqualTo(2);
        assertThat(garbage.err()).contains("is not a zip file");
        assertThat(Verify.run("audit", "verify", "--pack", dir.resolve("missing.zip").toString()).exit()).isEqualTo(2);
        var badKey = Verify.run("audit", "verify", "--pack", pack.toString(), "--pubkey", "name+zz+abc");
        assertThat(badKey.exit()).isEqualTo(2);
        assertThat(badKey.err()).contains("Not a public key");
        assertThat(Verify.run("audit", "verify", "--pack", pack.toString(), "--checkpoint", badCheckpoint.toString())
                .exit()).isEqualTo(2);
        // No source: a usage error. Without one, verify would open the bot's embedded database in its data
        // directory: here one holding none (not this machine's ~/.changebot, which a local run may have made).
        var dataDir = System.getProperty("changebot.data-dir");
        System.setProperty("changebot.data-dir", dir.resolve("no-bot-here").toString());
        try {
            assertThat(Verify.run("audit", "verify").exit()).isEqualTo(64);
        } finally {
            if (dataDir == null) {
                System.clearProperty("changebot.data-dir");
            } else {
                System.setProperty("changebot.data-dir", dataDir);
            }
        }
        assertThat(Verify.run("audit", "verify", "--pack", pack.toString(), "--db", "jdbc:postgresql://x/y").exit())
                .isEqualTo(64);
        var help = Verify.run("audit", "verify", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--pack", "--pubkey", "--checkpoint", "tampered");
    }

    @Test
    @DisplayName("an unreachable database is unusable input: exit 2")
    void unreachableDatabase() {
        var verify = Verify.run("audit", "verify", "--db", "jdbc:postgresql://127.0.0.1:1/none");

        assertThat(verify.exit()).isEqualTo(2);
        assertThat(verify.err()).contains("Cannot read the audit log");
    }

    static List<ChainEntry> chain(int changes) {
        var result = new ArrayList<ChainEntry>();
        var previous = EntryHash.genesis();
        long seq = 0;
        var t = Instant.parse("2026-07-01T09:00:00Z");
        for (int n = 1; n <= changes; n++) {
            var kind = n % 2 == 1 ? "ChangeRequested" : "ChangeApproved";
            long change = (n + 1) / 2;
            var fact = new SourceFact(kind, change, n % 2 == 1 ? "U0DEV" : "U0ALICE", t.plusSeconds(n), t.plusSeconds(n),
                    SourceFact.CHANGE_EVENT, (long) n, Map.of());
            var entry = ChainEntry.append(previous, fact.body(CHAIN, ++seq));
            result.add(entry);
            previous = entry.hash();
        }
        return result;
    }

    /** The evidence pack's audit.jsonl lines (docs/audit.md). */
    static List<String> lines(List<ChainEntry> entries) {
        var b64 = Base64.getEncoder();
        var lines = new ArrayList<String>();
        for (var e : entries) {
            lines.add(dev.changebot.domain.audit.CanonicalJson.write(Map.of("chain", e.chainId(), "seq", e.seq(),
                    "prev", b64.encodeToString(e.prevHash()), "hash", b64.encodeToString(e.hash()), "body", e.body())));
        }
        return lines;
    }

    String checkpoint(long size) {
        return SignedNote.sign(new Checkpoint(Checkpoint.originOf(CHAIN), size, entries.get((int) size - 1).hash(),
                Instant.parse("2026-07-02T00:00:00Z")).text(), key).format();
    }

    Path pack(List<String> lines, String checkpoint) throws IOException {
        var file = dir.resolve("evidence-" + System.nanoTime() + ".zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "audit.jsonl", String.join("\n", lines) + "\n");
            put(zip, "checkpoint.txt", checkpoint);
            put(zip, "public-key.txt", key.verifierKey() + "\n");
            put(zip, "README.txt", "java -jar changebot.jar audit verify --pack THIS.zip --pubkey KEY\n");
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
