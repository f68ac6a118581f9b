package dev.changebot.application.evidence;

import dev.changebot.domain.change.ChangeId;
import jakarta.inject.Singleton;
import java.util.Optional;

/** `/change audit CHG-n`: a change's trail, its chain entries checked one by one. */
@Singleton
public class ShowAuditTrail {

    private final EvidenceRecords records;

    public ShowAuditTrail(EvidenceRecords records) {
        this.records = records;
    }

    public Optional<EvidenceRecords.ChangeTrail> of(String workspaceId, ChangeId id) {
        return records.trail(workspaceId, id.number());
    }
}
