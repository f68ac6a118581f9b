package dev.changebot.application.evidence;

import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.SigningKey;
import dev.changebot.domain.evidence.EvidenceData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A checkpoint of the chain exactly as an export read it, so that a signature covers every entry of
 * the pack's audit.jsonl — the newest periodic checkpoint may be up to an interval behind. Recorded
 * like the job's (once per chain state: a state signed already keeps its checkpoint, and the pack
 * carries that one); the running bot posts it to the audit channel at its next look, as it posts the
 * command line's.
 */
public final class SignExportedChain {

    private SignExportedChain() {
    }

    public static EvidenceData sign(EvidenceRecords records, EvidenceData data, SigningKey key, Instant now) {
        if (data.chain().isEmpty()) {
            return data;
        }
        var head = data.chain().get(data.chain().size() - 1);
        var checkpoint = new Checkpoint(Checkpoint.originOf(data.workspaceId()), head.seq(), head.hash(),
                now.truncatedTo(ChronoUnit.SECONDS));
        var note = SignedNote.sign(checkpoint.text(), key).format();
        return data.carrying(records.recordCheckpoint(checkpoint, note, key.verifierKey()));
    }
}
