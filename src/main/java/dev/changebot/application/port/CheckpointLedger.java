package dev.changebot.application.port;

import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.VerifierKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The signed checkpoints recorded beside the audit chains, and what the chains hold now. Runs in the caller's transaction. */
public interface CheckpointLedger {

    /** Every chain's head as the sequencer left it, with its newest checkpoint when it has one. */
    List<ChainState> chains();

    /**
     * Records a signed checkpoint unless its chain's state (size) was signed already, by this node
     * or another; true when this one was recorded.
     */
    boolean record(Checkpoint checkpoint, String note, VerifierKey key);

    /** Queues every checkpoint not yet queued for the audit channel (signed here, on another node, or by the CLI). */
    int queueUnposted(Instant now);

    /** The key that signed the newest checkpoint, if any checkpoint was ever signed. */
    Optional<KeyUse> newestSigner();

    /** The newest post's problem, when the newest attempt to witness a checkpoint in Slack failed. */
    Optional<PostProblem> lastPostProblem();

    record ChainState(String chainId, long size, byte[] headHash, Optional<Newest> newest) {

        /** Grown since its newest checkpoint (or never signed), and not empty. */
        public boolean unsigned() {
            return size > 0 && newest.map(n -> n.size() < size).orElse(true);
        }
    }

    record Newest(long size, Instant takenAt) {
    }

    /** {@code keyId}: 8 hex digits, as in a verifier key. */
    record KeyUse(String keyName, String keyId, long checkpoints, Instant newestAt) {
    }

    record PostProblem(String channel, String problem, Instant at) {
    }
}
