package dev.changebot.domain.evidence;

import static dev.changebot.domain.evidence.Texts.time;

import java.util.List;

/**
 * conflicts.csv: each conflict between two changes recorded in the period (by when it was found), with the
 * time the two share and whether the requesting class warned or blocked on conflicts (POL-008: "avoid
 * conflicting changes"). A request a block class refused recorded nothing, so is not here. A request
 * planned over more changes than are recorded pair by pair adds one row for the rest: other_change says
 * "N more changes (not listed)", kind their kinds, the overlap the time they span.
 */
final class ConflictsCsv {

    static final List<String> HEADER = List.of("change", "other_change", "kind", "overlap_start", "overlap_end",
            "detected_at", "policy");

    private ConflictsCsv() {
    }

    static byte[] of(List<ConflictRecord> conflicts) {
        var csv = new Csv(HEADER);
        for (var c : conflicts) {
            csv.row(List.of(c.change(), c.otherChange(), c.kind(), time(c.overlapStart()), time(c.overlapEnd()),
                    time(c.detectedAt()), c.policy()));
        }
        return csv.bytes();
    }
}
