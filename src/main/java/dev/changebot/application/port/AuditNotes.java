package dev.changebot.application.port;

import java.time.Instant;
import java.util.Map;

/**
 * Records a fact that is no change's own event — a signing key rotated, an evidence pack
 * exported — for the audit chain. Runs inside the caller's transaction; the sequencer chains it
 * after the commit, like every change event.
 */
public interface AuditNotes {

    /**
     * @param kind    a stable name, UpperCamelCase: {@code SigningKeyRotated}, {@code EvidenceExported}
     * @param details values {@link dev.changebot.domain.audit.CanonicalJson} can write (strings,
     *                whole numbers, booleans, lists, maps; times as {@code CanonicalJson.instant})
     */
    void record(String workspaceId, String kind, String actorId, Instant occurredAt, Map<String, Object> details);
}
