package dev.changebot.application.audit;

import dev.changebot.application.port.CheckpointLedger;
import dev.changebot.application.port.CheckpointLedger.ChainState;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.SigningKey;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs checkpoints of the audit chains: periodically ({@link #due}: a chain that grew since its
 * newest checkpoint, once the interval has passed since that one) and on demand ({@link #now}: every
 * chain that grew). The head is read from {@code audit_chain} as the sequencer left it; a state
 * already signed by another node is not recorded twice (the ledger refuses it), and each recorded
 * checkpoint is queued for the audit channel.
 */
@Singleton
public class TakeCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(TakeCheckpoints.class);

    private final CheckpointLedger ledger;
    private final Transactions transactions;
    private final SigningKey key;
    private final CheckpointSettings settings;
    private final Clock clock;

    public TakeCheckpoints(CheckpointLedger ledger, Transactions transactions, SigningKey key, CheckpointSettings settings,
                           Clock clock) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.key = key;
        this.settings = settings;
        this.clock = clock;
    }

    /** The periodic run: the checkpoints it recorded. */
    public List<Checkpoint> due() {
        var now = signingTime();
        return sign(now, chain -> chain.unsigned()
                && chain.newest().map(n -> !n.takenAt().plus(settings.interval()).isAfter(now)).orElse(true));
    }

    /** On demand: a checkpoint of every chain that grew since its newest one. */
    public List<Checkpoint> now() {
        return sign(signingTime(), ChainState::unsigned);
    }

    private List<Checkpoint> sign(Instant now, java.util.function.Predicate<ChainState> wanted) {
        var recorded = new ArrayList<Checkpoint>();
        for (var chain : transactions.inTransaction(ledger::chains)) {
            if (!wanted.test(chain)) {
                continue;
            }
            try {
                var checkpoint = new Checkpoint(Checkpoint.originOf(chain.chainId()), chain.size(), chain.headHash(), now);
                var note = SignedNote.sign(checkpoint.text(), key);
                if (transactions.inTransaction(() -> ledger.record(checkpoint, note.format(), key.verifierKey()))) {
                    recorded.add(checkpoint);
                    LOG.info("Signed checkpoint {}", checkpoint);
                }
            } catch (RuntimeException e) {
                // One chain's failure (the database away for a moment) leaves the others to be signed.
                LOG.warn("Could not record a checkpoint of chain {}; the next run tries again", chain.chainId(), e);
            }
        }
        transactions.inTransaction(() -> ledger.queueUnposted(now));
        return recorded;
    }

    /** Whole seconds: what the note says is exactly what the database keeps. */
    private Instant signingTime() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
