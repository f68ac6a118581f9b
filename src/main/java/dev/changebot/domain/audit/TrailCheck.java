package dev.changebot.domain.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a change's entries in an audit chain can be called verified: an entry is, only when the
 * chain from its first entry up to a checkpoint at or after that entry re-hashes and links, the entry
 * at the checkpoint's size has the checkpoint's head hash, and the checkpoint's signature verifies
 * with one of the keys given. Entries after every such checkpoint are chained but not yet
 * checkpointed; from the first break on, nothing is verified.
 *
 * <p>Cheap for a long chain: the chain is read once, from entry 1 up to {@link #readUpTo()} — the
 * smallest validly signed checkpoint that covers the change's last entry (or that last entry when no
 * checkpoint covers it) — and only the hashes at checkpoint sizes are kept.
 */
public final class TrailCheck {

    /** A checkpoint as recorded: the signed note, and its size as the database indexes it. */
    public record RecordedCheckpoint(long size, String note) {
    }

    public enum Mark {
        /** Re-hashed from the first entry up to a validly signed checkpoint that agrees with the chain. */
        VERIFIED,
        /** Re-hashes and links, but no validly signed checkpoint covers it yet. */
        CHAINED_NOT_CHECKPOINTED,
        /** Covered by checkpoints, none of which has a valid signature by the keys given and agrees with the chain. */
        NOT_VERIFIED,
        /** At or after the first break of the chain. */
        BROKEN
    }

    public record Verdict(Mark mark, String detail) {
    }

    private record Signed(long size, byte[] head) {
    }

    private final List<Signed> signed = new ArrayList<>();
    private final long readUpTo;
    private final long coveredByAny;
    private record Refused(long size, String why) {
    }

    private final List<Refused> refused = new ArrayList<>();
    private final Map<Long, byte[]> hashesAtCheckpoints = new HashMap<>();
    private byte[] previous = EntryHash.genesis();
    private long expectedSeq = 1;
    private Long breakSeq;
    private String breakWhat;
    private long verifiedUpTo;

    /**
     * @param lastWanted the highest seq the caller needs a verdict for (the change's last entry)
     */
    public TrailCheck(String chainId, List<RecordedCheckpoint> checkpoints, List<VerifierKey> keys, long lastWanted) {
        long any = 0;
        for (var recorded : checkpoints) {
            any = Math.max(any, recorded.size());
            try {
                var note = SignedNote.parse(recorded.note());
                var checkpoint = Checkpoint.parse(note.text());
                if (!checkpoint.origin().equals(Checkpoint.originOf(chainId)) || checkpoint.size() != recorded.size()) {
                    refused.add(new Refused(recorded.size(), "the checkpoint of size " + recorded.size()
                            + " is not of this chain state"));
                } else if (keys.stream().noneMatch(note::signedBy)) {
                    refused.add(new Refused(recorded.size(), "the checkpoint of size " + recorded.size()
                            + " has no valid signature by the configured public key"));
                } else {
                    signed.add(new Signed(checkpoint.size(), checkpoint.headHash()));
                }
            } catch (IllegalArgumentException unreadable) {
                refused.add(new Refused(recorded.size(), "the checkpoint of size " + recorded.size() + " cannot be read: "
                        + unreadable.getMessage()));
            }
        }
        signed.sort(Comparator.comparingLong(Signed::size));
        this.coveredByAny = any;
        this.readUpTo = signed.stream().mapToLong(Signed::size).filter(size -> size >= lastWanted).findFirst()
                .orElse(lastWanted);
    }

    /** The chain must be given from seq 1 up to this seq, in order. */
    public long readUpTo() {
        return readUpTo;
    }

    /** The next entry of the chain, in stored order. */
    public void accept(long seq, byte[] prev, byte[] hash, String body) {
        if (breakSeq == null) {
            if (seq != expectedSeq) {
                broken(expectedSeq, seq > expectedSeq ? "entries " + expectedSeq + " to " + (seq - 1) + " are missing"
                        : "seq " + seq + " appears where seq " + expectedSeq + " belongs");
            } else if (!Arrays.equals(prev, previous)) {
                broken(seq, "it does not link to the entry before it");
            } else if (!Arrays.equals(EntryHash.of(prev, body), hash)) {
                broken(seq, "its hash is not SHA-256 of its prev and body: it was changed");
            }
        }
        if (signed.stream().anyMatch(s -> s.size() == seq)) {
            hashesAtCheckpoints.put(seq, hash.clone());
        }
        previous = hash;
        expectedSeq = seq + 1;
    }

    /** Call once the chain was read: a chain shorter than wanted breaks where it ends. */
    public void finish() {
        if (breakSeq == null && expectedSeq <= readUpTo) {
            broken(expectedSeq, "the chain ends at seq " + (expectedSeq - 1));
        }
        for (var checkpoint : signed) {
            var atSize = hashesAtCheckpoints.get(checkpoint.size());
            boolean beforeBreak = breakSeq == null || checkpoint.size() < breakSeq;
            if (atSize != null && beforeBreak && Arrays.equals(atSize, checkpoint.head())) {
                verifiedUpTo = Math.max(verifiedUpTo, checkpoint.size());
            }
        }
    }

    private void broken(long seq, String what) {
        breakSeq = seq;
        breakWhat = what;
    }

    /** The first break, as "seq N: what differs", when the chain read has one. */
    public Optional<String> firstBreak() {
        return breakSeq == null ? Optional.empty() : Optional.of("seq " + breakSeq + ": " + breakWhat);
    }

    public Verdict verdict(long seq) {
        if (breakSeq != null && seq >= breakSeq) {
            return new Verdict(Mark.BROKEN, seq == breakSeq ? breakWhat : "after the break at seq " + breakSeq);
        }
        if (seq <= verifiedUpTo) {
            return new Verdict(Mark.VERIFIED, "covered by the signed checkpoint of size " + verifiedUpTo);
        }
        if (seq <= coveredByAny) {
            var disagreeing = signed.stream().filter(c -> c.size() >= seq).findFirst();
            var why = disagreeing.isPresent()
                    ? (breakSeq != null && breakSeq <= disagreeing.get().size()
                            ? "the chain breaks at seq " + breakSeq + ", before the signed checkpoint of size "
                                    + disagreeing.get().size() + " that covers it"
                            : "the signed checkpoint of size " + disagreeing.get().size() + " does not agree with the chain")
                    : String.join("; ", refused.stream().filter(r -> r.size() >= seq).map(Refused::why).toList());
            return new Verdict(Mark.NOT_VERIFIED, why);
        }
        return new Verdict(Mark.CHAINED_NOT_CHECKPOINTED, "chained after the newest checkpoint");
    }
}
