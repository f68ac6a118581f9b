package dev.changebot.domain.audit;

import java.util.ArrayList;
import java.util.List;

/** The verifier's answer over every chain it read: the lines to print and whether all is intact. */
public record VerificationReport(List<ChainReport> chains) {

    /** Problems beyond the first printed in full; the rest are counted. */
    static final int LISTED = 20;

    public VerificationReport {
        chains = List.copyOf(chains);
    }

    public boolean intact() {
        return chains.stream().allMatch(ChainReport::intact);
    }

    public List<String> lines() {
        var lines = new ArrayList<String>();
        for (var chain : chains) {
            lines.addAll(chain.lines());
            chain.firstBreak().ifPresent(first -> {
                lines.add("  FIRST BREAK at " + (first.seq() == null ? "no one entry" : "seq " + first.seq()) + ": "
                        + first.what());
                var rest = chain.findings().subList(1, chain.findings().size());
                rest.stream().limit(LISTED).forEach(f -> lines.add("  also at "
                        + (f.seq() == null ? "no one entry" : "seq " + f.seq()) + ": " + f.what()));
                if (rest.size() > LISTED) {
                    lines.add("  and " + (rest.size() - LISTED) + " more problems");
                }
            });
        }
        if (chains.isEmpty()) {
            lines.add("no audit chain found: nothing was recorded yet");
        }
        lines.add(verdict());
        return lines;
    }

    private String verdict() {
        if (!intact()) {
            long broken = chains.stream().filter(c -> !c.intact()).count();
            return "result: TAMPERED — " + broken + " of " + chains.size() + " chain" + (chains.size() == 1 ? "" : "s")
                    + " broken";
        }
        boolean unchecked = chains.stream().anyMatch(c -> c.signatures() == ChainReport.Signatures.NOT_CHECKED);
        boolean unwitnessed = chains.stream().anyMatch(c -> c.signatures() == ChainReport.Signatures.NO_CHECKPOINT);
        var result = new StringBuilder("result: entries intact");
        if (unchecked) {
            result.append("; checkpoint signatures NOT checked (give --pubkey)");
        } else if (!unwitnessed && !chains.isEmpty()) {
            result.append(", checkpoints signed and consistent");
        }
        if (unwitnessed) {
            result.append("; some chain has no checkpoint, so its tail is not witnessed");
        }
        return result.toString();
    }
}
