package dev.changebot.domain.evidence;

import java.util.List;
import java.util.Optional;

/**
 * What one consistent read of the database gives an evidence pack: the period's changes in
 * number order, the number of the last change requested before the period (0 when none; the
 * period's numbers must follow it without a gap), the whole audit chain, and its newest signed
 * checkpoint.
 */
public record EvidenceData(String workspaceId, List<ChangeRecord> changes, long lastNumberBefore,
                           List<ChainEntry> chain, Optional<String> checkpointNote) {

    public EvidenceData {
        changes = List.copyOf(changes);
        chain = List.copyOf(chain);
    }
}
