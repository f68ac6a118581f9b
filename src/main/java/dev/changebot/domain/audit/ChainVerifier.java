package dev.changebot.domain.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Verifies one chain from its entries alone, entry by entry in the stored order, so a log of any
 * length is read once and held only as its hashes: every entry's hash recomputed from its prev and
 * body, the sequence gapless from 1, every prev the hash before it, the body canonical and naming
 * this chain and this position, the query columns agreeing with the body, and the change numbers
 * of the changes it records without gaps. Checkpoints ({@link #checkpoint}) are checked against
 * the whole log at {@link #finish}; readers add what they found elsewhere ({@link #problem}).
 */
public final class ChainVerifier {

    /** The entries that open a change and so take its number. */
    static final Set<String> OPENING_KINDS = Set.of("ChangeRequested", "EmergencyDeclared");

    private final String chainId;
    private final List<VerifierKey> keys;
    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<PendingCheckpoint> checkpoints = new ArrayList<>();
    private final BitSet changeNumbers = new BitSet();
    private byte[] previous = EntryHash.genesis();
    private long valid;
    private long expectedSeq = 1;
    private boolean sequenceBroken;

    private record PendingCheckpoint(String where, String note) {
    }

    public ChainVerifier(String chainId, List<VerifierKey> keys) {
        this.chainId = chainId;
        this.keys = List.copyOf(keys);
    }

    public String chainId() {
        return chainId;
    }

    /** The next entry in stored order. */
    public void accept(ChainEntry entry) {
        int before = findings.size();
        long position = hashes.size() + 1L;
        if (entry.seq() != expectedSeq) {
            sequenceBroken = true;
            problem(position, entry.seq() > expectedSeq
                    ? "entries " + range(expectedSeq, entry.seq() - 1) + " are missing: seq " + entry.seq() + " follows "
                            + (expectedSeq - 1)
                    : "seq " + entry.seq() + " appears where seq " + expectedSeq + " belongs (out of order or inserted)");
        }
        if (!entry.linksTo(previous)) {
            sequenceBroken = true;
            problem(position, "its prev (" + b64(entry.prevHash()) + ") is not the hash of the entry before it ("
                    + b64(previous) + ")");
        }
        if (!entry.hashMatchesContent()) {
            problem(position, "its hash (" + b64(entry.hash()) + ") is not SHA-256 of its prev and body (computed "
                    + (entry.prevHash().length == EntryHash.LENGTH ? b64(EntryHash.of(entry.prevHash(), entry.body())) : "—")
                    + "): the body or the hash was changed");
        }
        checkBody(entry, position);
        if (findings.size() == before) {
            valid++;
        }
        hashes.add(entry.hash());
        previous = entry.hash();
        expectedSeq = entry.seq() + 1;
    }

    private void checkBody(ChainEntry entry, long position) {
        EntryBody body;
        try {
            body = EntryBody.parse(entry.body());
        } catch (IllegalArgumentException e) {
            problem(position, "its body cannot be read: " + e.getMessage());
            return;
        }
        if (!body.chain().equals(chainId)) {
            problem(position, "its body names chain " + body.chain());
        }
        if (body.seq() != entry.seq()) {
            problem(position, "its body says seq " + body.seq() + " but it is stored as seq " + entry.seq());
        }
        var columns = entry.columns();
        if (columns != null) {
            var differing = new ArrayList<String>();
            if (!body.kind().equals(columns.kind())) {
                differing.add("kind " + columns.kind() + " (body: " + body.kind() + ")");
            }
            if (!java.util.Objects.equals(body.changeNumber(), columns.changeNumber())) {
                differing.add("change_number " + columns.changeNumber() + " (body: " + body.changeNumber() + ")");
            }
            if (columns.occurredAt() == null || !CanonicalJson.instant(columns.occurredAt()).equals(body.at())) {
                differing.add("occurred_at " + columns.occurredAt() + " (body: " + body.at() + ")");
            }
            if (!differing.isEmpty()) {
                problem(position, "its columns differ from its body: " + String.join(", ", differing));
            }
        }
        if (OPENING_KINDS.contains(body.kind()) && body.changeNumber() != null) {
            int number = (int) Math.min(Integer.MAX_VALUE, body.changeNumber());
            if (changeNumbers.get(number)) {
                problem(position, "CHG-" + number + " is opened a second time");
            }
            changeNumbers.set(number);
        }
    }

    /** A signed checkpoint note to check against the log; {@code where} names where it was found. */
    public void checkpoint(String where, String note) {
        checkpoints.add(new PendingCheckpoint(where, note));
    }

    /** Something a reader found wrong at {@code seq} (null: at no one entry). */
    public void problem(Long seq, String what) {
        findings.add(new Finding(chainId, seq, what));
    }

    /** A line for the report from a reader (what it compared and how it went). */
    public void note(String line) {
        notes.add(line);
    }

    /** How many entries were read so far. */
    public long size() {
        return hashes.size();
    }

    /** The hash of entry {@code seq} in stored order (genesis for 0), or null past the end. */
    public byte[] hashAt(long seq) {
        if (seq == 0) {
            return EntryHash.genesis();
        }
        return seq <= hashes.size() ? hashes.get((int) (seq - 1)).clone() : null;
    }

    public ChainReport finish() {
        var lines = new ArrayList<String>();
        lines.add("chain " + chainId + ": " + valid + " of " + hashes.size() + " entries valid");
        lines.add(sequenceBroken ? "  sequence: broken (see below)"
                : "  sequence: " + (hashes.isEmpty() ? "empty" : range(1, hashes.size()))
                        + " without gaps, each entry linked to the one before");
        var signatures = new CheckpointCheck(this, keys).check(checkpoints.stream()
                .map(c -> new CheckpointCheck.Source(c.where(), c.note())).toList(), lines);
        changeNumberLine(lines);
        notes.forEach(n -> lines.add("  " + n));
        var ordered = findings.stream()
                .sorted(Comparator.comparing((Finding f) -> f.seq() == null ? Long.MAX_VALUE : f.seq()))
                .toList();
        return new ChainReport(chainId, hashes.size(), valid, ordered, lines, signatures);
    }

    private void changeNumberLine(List<String> lines) {
        int highest = changeNumbers.length() - 1;
        if (highest < 1) {
            lines.add("  change numbers: no change opened in this chain");
            return;
        }
        var missing = new ArrayList<String>();
        for (int n = changeNumbers.nextClearBit(1); n < highest; n = changeNumbers.nextClearBit(n + 1)) {
            missing.add("CHG-" + n);
        }
        if (missing.isEmpty()) {
            lines.add("  change numbers: CHG-1..CHG-" + highest + " without gaps");
        } else {
            lines.add("  change numbers: CHG-1..CHG-" + highest + ", " + missing.size() + " missing");
            problem(null, "no entry opens " + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "")
                    + ": change numbers have gaps");
        }
    }

    static String range(long from, long to) {
        return from == to ? Long.toString(from) : from + ".." + to;
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
