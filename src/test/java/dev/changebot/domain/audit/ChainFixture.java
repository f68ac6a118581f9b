package dev.changebot.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small chain built as the sequencer builds one: a PolicyLoaded entry, then changes opened and approved. */
final class ChainFixture {

    static final String CHAIN = "T0ACME";
    static final Instant T0 = Instant.parse("2026-07-01T09:30:00Z");

    private ChainFixture() {
    }

    /** {@code changes} changes, each requested then approved: 1 + 2 × changes entries. */
    static List<ChainEntry> chain(int changes) {
        var facts = new ArrayList<SourceFact>();
        facts.add(new LoadedPolicy("ab".repeat(32), "acme", "preset:default", T0).fact());
        long id = 0;
        for (int n = 1; n <= changes; n++) {
            var at = T0.plusSeconds(60L * n);
            facts.add(new SourceFact("ChangeRequested", (long) n, "U0DEV", at, at, SourceFact.CHANGE_EVENT, ++id,
                    Map.of("title", "Change " + n)));
            facts.add(new SourceFact("ChangeApproved", (long) n, "U0ALICE", at.plusSeconds(30), at.plusSeconds(30),
                    SourceFact.CHANGE_EVENT, ++id, Map.of("step", 0L)));
        }
        return entries(facts);
    }

    static List<ChainEntry> entries(List<SourceFact> facts) {
        var entries = new ArrayList<ChainEntry>();
        var previous = EntryHash.genesis();
        for (var fact : facts) {
            var entry = ChainEntry.append(previous, fact.body(CHAIN, entries.size() + 1L));
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    /** The entry re-linked after the previous one, as an attacker who recomputes hashes would. */
    static List<ChainEntry> relinked(List<ChainEntry> entries) {
        var out = new ArrayList<ChainEntry>();
        var previous = EntryHash.genesis();
        long seq = 0;
        for (var entry : entries) {
            var body = EntryBody.parse(entry.body());
            var moved = new EntryBody(body.chain(), ++seq, body.kind(), body.changeNumber(), body.actor(), body.at(),
                    body.recorded(), body.source(), body.details());
            var next = ChainEntry.append(previous, moved);
            out.add(next);
            previous = next.hash();
        }
        return out;
    }

    static String checkpoint(List<ChainEntry> entries, long size, SigningKey key) {
        var head = size == 0 ? EntryHash.genesis() : entries.get((int) size - 1).hash();
        return SignedNote.sign(new Checkpoint(Checkpoint.originOf(CHAIN), size, head, T0.plusSeconds(86_400)).text(), key)
                .format();
    }

    static ChainReport verify(List<ChainEntry> entries, List<VerifierKey> keys, String... checkpoints) {
        var verifier = new ChainVerifier(CHAIN, keys);
        entries.forEach(verifier::accept);
        for (var note : checkpoints) {
            verifier.checkpoint("test", note);
        }
        return verifier.finish();
    }
}
