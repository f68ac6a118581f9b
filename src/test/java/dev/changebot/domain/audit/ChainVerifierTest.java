package dev.changebot.domain.audit;

import static dev.changebot.domain.audit.ChainFixture.CHAIN;
import static dev.changebot.domain.audit.ChainFixture.chain;
import static dev.changebot.domain.audit.ChainFixture.checkpoint;
import static dev.changebot.domain.audit.ChainFixture.relinked;
import static dev.changebot.domain.audit.ChainFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The verifier on chains held in memory: intact ones pass, every kind of tampering is found at its first break. */
class ChainVerifierTest {

    private final SigningKey key = SigningKey.generate("changebot-audit");
    private final List<ChainEntry> entries = chain(10);

    @Test
    @DisplayName("an intact chain with a signed, consistent checkpoint: every entry valid, nothing found")
    void intactChain() {
        var report = verify(entries, List.of(key.verifierKey()), checkpoint(entries, 21, key));

        assertThat(report.findings()).isEmpty();
        assertThat(report.valid()).isEqualTo(21);
        assertThat(report.signatures()).isEqualTo(ChainReport.Signatures.CHECKED);
        assertThat(new VerificationReport(List.of(report)).lines()).contains(
                "chain T0ACME: 21 of 21 entries valid",
                "  sequence: 1..21 without gaps, each entry linked to the one before",
                "  change numbers: CHG-1..CHG-10 without gaps",
                "result: entries intact, checkpoints signed and consistent");
    }

    @Test
    @DisplayName("without a key the checkpoint's signature is reported as not checked, never as intact")
    void withoutKey() {
        var report = verify(entries, List.of(), checkpoint(entries, 21, key));

        assertThat(report.intact()).isTrue();
        assertThat(report.signatures()).isEqualTo(ChainReport.Signatures.NOT_CHECKED);
        assertThat(new VerificationReport(List.of(report)).lines()).last().asString()
                .contains("checkpoint signatures NOT checked");
    }

    @Test
    @DisplayName("one field of one body edited: the hash no longer matches, first break at that seq")
    void editedBody() {
        var tampered = new ArrayList<>(entries);
        var original = tampered.get(6);
        tampered.set(6, new ChainEntry(CHAIN, 7, original.prevHash(), original.hash(),
                original.body().replace("U0ALICE", "U0MALLORY"), null));

        var report = verify(tampered, List.of(key.verifierKey()));

        assertThat(report.firstBreak()).get().satisfies(f -> {
            assertThat(f.seq()).isEqualTo(7);
            assertThat(f.what()).contains("is not SHA-256 of its prev and body");
        });
    }

    @Test
    @DisplayName("an entry deleted: the gap is the first break")
    void deletedEntry() {
        var tampered = new ArrayList<>(entries);
        tampered.remove(4);

        var report = verify(tampered, List.of());

        assertThat(report.firstBreak()).get().satisfies(f -> {
            assertThat(f.seq()).isEqualTo(5);
            assertThat(f.what()).contains("entries 5 are missing");
        });
    }

    @Test
    @DisplayName("an entry inserted and the rest renumbered and re-hashed: caught by the signed checkpoint")
    void insertedAndRehashed() {
        var forged = new ArrayList<>(entries);
        var at = ChainFixture.T0.plusSeconds(100);
        forged.add(3, ChainEntry.append(EntryHash.genesis(), new SourceFact("ChangeApproved", 1L, "U0MALLORY", at, at,
                SourceFact.CHANGE_EVENT, 999L, java.util.Map.of("step", 1L)).body(CHAIN, 4)));
        var rewritten = relinked(forged);

        var report = verify(rewritten, List.of(key.verifierKey()), checkpoint(entries, 21, key));

        assertThat(report.firstBreak()).get().satisfies(f -> {
            assertThat(f.seq()).isEqualTo(21);
            assertThat(f.what()).contains("the log up to there was rewritten");
        });
    }

    @Test
    @DisplayName("two entries swapped: the links break where the order changed")
    void reordered() {
        var tampered = new ArrayList<>(entries);
        var third = tampered.get(2);
        tampered.set(2, tampered.get(3));
        tampered.set(3, third);

        var report = verify(tampered, List.of());

        assertThat(report.firstBreak()).get().satisfies(f -> assertThat(f.seq()).isEqualTo(3));
        assertThat(report.findings()).anyMatch(f -> f.what().contains("not the hash of the entry before it"));
    }

    @Test
    @DisplayName("the tail cut off: detected against a checkpoint of the longer log")
    void truncatedTail() {
        var report = verify(entries.subList(0, 15), List.of(key.verifierKey()), checkpoint(entries, 21, key));

        assertThat(report.firstBreak()).get().satisfies(f -> {
            assertThat(f.seq()).isEqualTo(16);
            assertThat(f.what()).contains("16..21 are missing (the tail was cut off)");
        });
    }

    @Test
    @DisplayName("a checkpoint edited after signing (forged): its signature fails")
    void forgedCheckpoint() {
        var shorter = relinked(entries.subList(0, 15));
        var note = checkpoint(entries, 15, key).replace("\n15\n", "\n14\n");

        var report = verify(shorter, List.of(key.verifierKey()), note);

        assertThat(report.findings()).anyMatch(f -> f.what().contains("no valid signature by a key given"));
    }

    @Test
    @DisplayName("the chain rewritten and re-signed with another key (key swap): not signed by the published key")
    void keySwap() {
        var attackerKey = SigningKey.generate("changebot-audit");
        var rewritten = relinked(entries.subList(0, 20));

        var report = verify(rewritten, List.of(key.verifierKey()), checkpoint(rewritten, 20, attackerKey));

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak()).get().satisfies(f -> assertThat(f.what())
                .contains("no valid signature by a key given", "claims changebot-audit+"));
    }

    @Test
    @DisplayName("a change's opening entry missing from a re-hashed chain: the change numbers have a gap")
    void changeNumberGap() {
        var tampered = new ArrayList<>(entries);
        tampered.remove(5); // CHG-3's ChangeRequested
        var report = verify(relinked(tampered), List.of());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.seq()).isNull();
            assertThat(f.what()).contains("no entry opens CHG-3");
        });
    }

    @Test
    @DisplayName("a body not in the canonical encoding is refused even when its hash matches")
    void nonCanonicalBody() {
        var body = entries.get(0).body().replace("{\"actor\"", "{ \"actor\"");
        var forged = ChainEntry.append(EntryHash.genesis(), EntryBody.parse(entries.get(0).body()));
        var entry = new ChainEntry(CHAIN, 1, forged.prevHash(), EntryHash.of(EntryHash.genesis(), body), body, null);

        var report = verify(List.of(entry), List.of());

        assertThat(report.firstBreak()).get().satisfies(f -> assertThat(f.what()).contains("not in the canonical encoding"));
    }

    @Test
    @DisplayName("a body's text round-trips: parsed and written again, it is the same text")
    void bodyRoundTrips() {
        for (var entry : entries) {
            assertThat(EntryBody.parse(entry.body()).text()).isEqualTo(entry.body());
        }
        assertThat(entries.get(1).body()).isEqualTo("{\"actor\":\"U0DEV\",\"at\":\"2026-07-01T09:31:00.000000Z\","
                + "\"chain\":\"T0ACME\",\"change\":\"CHG-1\",\"details\":{\"title\":\"Change 1\"},\"kind\":\"ChangeRequested\","
                + "\"recorded\":\"2026-07-01T09:31:00.000000Z\",\"seq\":2,\"source\":\"change_event:1\",\"v\":1}");
    }
}
