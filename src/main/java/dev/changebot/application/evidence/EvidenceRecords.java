package dev.changebot.application.evidence;

import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.TrailCheck.RecordedCheckpoint;
import dev.changebot.domain.audit.VerifierKey;
import dev.changebot.domain.evidence.ChangeRecord;
import dev.changebot.domain.evidence.EvidenceData;
import dev.changebot.domain.evidence.EvidenceData.CarriedCheckpoint;
import dev.changebot.domain.evidence.Period;
import java.util.List;
import java.util.Optional;

/** What the evidence is read from: the database, in one consistent snapshot per read. */
public interface EvidenceRecords {

    /** The period's changes, the number before them, the whole chain and its newest checkpoint, as of one moment. */
    EvidenceData read(String workspaceId, Period period);

    /** One change with its trail, and the chain entries of that change; empty when there is no such change. */
    Optional<ChangeTrail> trail(String workspaceId, long number);

    /**
     * Records a signed checkpoint of the chain as an export read it, once per chain state (as the
     * checkpoint job records its own): when that state was signed already, the earlier checkpoint is
     * kept. Returns the checkpoint recorded for that state, which the pack carries.
     */
    CarriedCheckpoint recordCheckpoint(Checkpoint checkpoint, String note, VerifierKey key);

    /** The workspaces that have changes or an audit chain (the command line asks when there are several). */
    List<String> workspaces();

    /** The chain's entries from seq 1 up to {@code upTo}, in order, handed to {@code sink} one by one (not held). */
    void readChain(String workspaceId, long upTo, ChainSink sink);

    interface ChainSink {
        void accept(long seq, byte[] prev, byte[] hash, String body);
    }

    /**
     * A change's trail as the auditor's view shows it: its events, the chain entries made of them,
     * how many of its events are not chained yet, and the chain's recorded checkpoints (ShowAuditTrail
     * decides what each entry can be called).
     */
    record ChangeTrail(ChangeRecord change, List<TrailEntry> entries, int unchained, List<RecordedCheckpoint> checkpoints) {
        public ChangeTrail {
            entries = List.copyOf(entries);
            checkpoints = List.copyOf(checkpoints);
        }
    }

    /**
     * One chain entry of the change; {@code via} and {@code roles} are a decision's provenance (how an
     * approval or rejection was given, the roles that made it count), empty when the entry has none.
     */
    record TrailEntry(long seq, String kind, String actorId, java.time.Instant at, Optional<String> via,
                      List<String> roles) {
        public TrailEntry {
            roles = List.copyOf(roles);
        }
    }
}
