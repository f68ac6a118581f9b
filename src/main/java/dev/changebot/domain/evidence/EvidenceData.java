package dev.changebot.domain.evidence;

import java.util.List;
import java.util.Optional;

/**
 * What one consistent read of the database gives an evidence pack: the period's changes in
 * number order, the number of the last change requested before the period (0 when none; the
 * period's numbers must follow it without a gap), the whole audit chain, and the signed checkpoint
 * the pack carries (the newest one as read; a checkpoint of the whole chain once the export signed one),
 * the unauthorized deployments reported in the period, the incidents open at any time in it, and the
 * conflicts between changes found in it.
 */
public record EvidenceData(String workspaceId, List<ChangeRecord> changes, long lastNumberBefore,
                           List<ChainEntry> chain, Optional<CarriedCheckpoint> checkpoint,
                           List<UnauthorizedDeploymentRecord> unauthorizedDeployments,
                           List<IncidentRecord> incidents, List<ConflictRecord> conflicts) {

    /** A signed checkpoint note, verbatim, and the number of entries it covers (entries 1 to size). */
    public record CarriedCheckpoint(String note, long size) {
    }

    public EvidenceData {
        changes = List.copyOf(changes);
        chain = List.copyOf(chain);
        unauthorizedDeployments = List.copyOf(unauthorizedDeployments);
        incidents = List.copyOf(incidents);
        conflicts = List.copyOf(conflicts);
    }

    public Optional<String> checkpointNote() {
        return checkpoint.map(CarriedCheckpoint::note);
    }

    /** The same read, carrying another checkpoint. */
    public EvidenceData carrying(CarriedCheckpoint other) {
        return new EvidenceData(workspaceId, changes, lastNumberBefore, chain, Optional.of(other),
                unauthorizedDeployments, incidents, conflicts);
    }
}
