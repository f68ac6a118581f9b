package dev.changebot.domain.audit;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Checks signed checkpoints against a log that was read whole: each is a readable signed note of
 * a checkpoint of this chain, signed by one of the keys given (when any is given), and consistent
 * with the log — the log holds at least its size, and the entry at its size has its head hash. A
 * log shorter than a checkpoint has lost its tail; a different hash at that size was rewritten.
 */
final class CheckpointCheck {

    record Source(String where, String note) {
    }

    private final ChainVerifier log;
    private final List<VerifierKey> keys;

    CheckpointCheck(ChainVerifier log, List<VerifierKey> keys) {
        this.log = log;
        this.keys = keys;
    }

    /** Adds its findings to the log's verifier and its summary to {@code lines}. */
    ChainReport.Signatures check(List<Source> sources, List<String> lines) {
        if (sources.isEmpty()) {
            lines.add("  checkpoints: none found, so a lost tail of the log could not be noticed");
            return ChainReport.Signatures.NO_CHECKPOINT;
        }
        int consistent = 0;
        int signed = 0;
        long covered = 0;
        Checkpoint newest = null;
        var signers = new LinkedHashSet<String>();
        for (var source : sources) {
            SignedNote note;
            Checkpoint checkpoint;
            try {
                note = SignedNote.parse(source.note());
                checkpoint = Checkpoint.parse(note.text());
            } catch (IllegalArgumentException e) {
                log.problem(null, "checkpoint " + source.where() + " cannot be read: " + e.getMessage());
                continue;
            }
            var label = "checkpoint " + source.where() + " (size " + checkpoint.size() + ", " + checkpoint.takenAt() + ")";
            if (!checkpoint.origin().equals(Checkpoint.originOf(log.chainId()))) {
                log.problem(null, label + " is of " + checkpoint.origin() + ", not of this chain");
                continue;
            }
            boolean validlySigned = false;
            if (!keys.isEmpty()) {
                var by = keys.stream().filter(note::signedBy).findFirst();
                if (by.isEmpty()) {
                    var claimed = note.signatures().stream()
                            .map(s -> s.name() + "+" + VerifierKey.hex(s.keyId())).toList();
                    log.problem(checkpoint.size() == 0 ? null : checkpoint.size(), label
                            + " has no valid signature by a key given (it claims " + String.join(", ", claimed)
                            + "): forged, or signed by another key");
                } else {
                    signed++;
                    validlySigned = true;
                    signers.add(by.get().toString());
                }
            }
            if (consistent(checkpoint, label)) {
                consistent++;
                if (validlySigned) {
                    covered = Math.max(covered, checkpoint.size());
                }
            }
            if (newest == null || checkpoint.size() > newest.size()) {
                newest = checkpoint;
            }
        }
        lines.add("  checkpoints: " + sources.size() + " found, " + consistent + " consistent with the log"
                + (newest == null ? "" : " (largest: size " + newest.size() + " taken " + newest.takenAt() + ")"));
        if (keys.isEmpty()) {
            lines.add("  checkpoint signatures: NOT CHECKED (no --pubkey given): the checkpoints prove nothing"
                    + " until their signatures are checked with the published public key");
            return ChainReport.Signatures.NOT_CHECKED;
        }
        lines.add("  checkpoint signatures: " + signed + " of " + sources.size() + " valid"
                + (signers.isEmpty() ? "" : " (by " + String.join(", ", signers) + ")"));
        lines.add("  covered by a valid signed checkpoint: " + coverage(covered));
        return ChainReport.Signatures.CHECKED;
    }

    private String coverage(long covered) {
        if (covered == 0) {
            return "no entry";
        }
        if (covered >= log.size()) {
            return "every entry (" + ChainVerifier.range(1, log.size()) + ")";
        }
        return "entries " + ChainVerifier.range(1, covered) + " of " + log.size() + "; "
                + ChainVerifier.range(covered + 1, log.size()) + " were chained after it and no signature covers them yet";
    }

    private boolean consistent(Checkpoint checkpoint, String label) {
        if (checkpoint.size() > log.size()) {
            log.problem(log.size() + 1, "the log ends at seq " + log.size() + " but " + label + " holds "
                    + checkpoint.size() + " entries: " + ChainVerifier.range(log.size() + 1, checkpoint.size())
                    + " are missing (the tail was cut off)");
            return false;
        }
        var atSize = log.hashAt(checkpoint.size());
        if (!ChainVerifier.same(atSize, checkpoint.headHash())) {
            log.problem(checkpoint.size() == 0 ? null : checkpoint.size(), "the entry at " + label + "'s size has hash "
                    + ChainVerifier.b64(atSize) + ", the checkpoint says " + ChainVerifier.b64(checkpoint.headHash())
                    + ": the log up to there was rewritten");
            return false;
        }
        return true;
    }

}
