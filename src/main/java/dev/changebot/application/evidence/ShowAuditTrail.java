package dev.changebot.application.evidence;

import dev.changebot.application.evidence.EvidenceRecords.TrailEntry;
import dev.changebot.application.port.AuditPublicKeys;
import dev.changebot.domain.audit.TrailCheck;
import dev.changebot.domain.audit.VerifierKey;
import dev.changebot.domain.change.ChangeId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * `/change audit CHG-n`: a change's trail, each chain entry marked for what can be said of it — verified
 * only when the chain up to a checkpoint at or after it re-hashes and that checkpoint's signature
 * verifies with the configured public key(s). The chain is read once per request, from its first entry
 * up to the checkpoint needed (TrailCheck).
 */
@Singleton
public class ShowAuditTrail {

    private final EvidenceRecords records;
    private final AuditPublicKeys keys;

    public ShowAuditTrail(EvidenceRecords records, AuditPublicKeys keys) {
        this.records = records;
        this.keys = keys;
    }

    public Optional<VerifiedTrail> of(String workspaceId, ChangeId id) {
        return records.trail(workspaceId, id.number()).map(trail -> {
            var verifierKeys = keys.verifierKeys().stream().map(VerifierKey::parse).toList();
            long last = trail.entries().stream().mapToLong(TrailEntry::seq).max().orElse(0);
            var check = new TrailCheck(workspaceId, trail.checkpoints(), verifierKeys, last);
            if (last > 0) {
                records.readChain(workspaceId, check.readUpTo(), check::accept);
            }
            check.finish();
            return new VerifiedTrail(trail, trail.entries().stream().map(e -> check.verdict(e.seq())).toList(),
                    check.firstBreak());
        });
    }

    /** The trail with a verdict per chain entry (same order) and the chain's first break, when it has one. */
    public record VerifiedTrail(EvidenceRecords.ChangeTrail trail, List<TrailCheck.Verdict> verdicts,
                                Optional<String> firstBreak) {
        public VerifiedTrail {
            verdicts = List.copyOf(verdicts);
        }
    }
}
