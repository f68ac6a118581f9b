package dev.changebot.application.audit;

import dev.changebot.application.port.CheckpointLedger;
import dev.changebot.application.port.SigningKeyStore;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.audit.SigningKey;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What /health tells about the checkpoints: the key to verify them with, the newest of each chain, a posting problem. */
@Singleton
public class CheckpointStatus {

    private final CheckpointLedger ledger;
    private final Transactions transactions;
    private final SigningKey key;
    private final SigningKeyStore store;
    private final CheckpointSettings settings;

    public CheckpointStatus(CheckpointLedger ledger, Transactions transactions, SigningKey key, SigningKeyStore store,
                            CheckpointSettings settings) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.key = key;
        this.store = store;
        this.settings = settings;
    }

    public record Report(String verifierKey, String keyLocation, Optional<String> channel, List<ChainReport> chains,
                         Optional<CheckpointLedger.PostProblem> lastPostProblem) {
    }

    /** {@code newestSize}/{@code newestAt} empty when the chain was never signed. */
    public record ChainReport(String chainId, long size, Optional<Long> newestSize, Optional<Instant> newestAt) {
    }

    public Report read() {
        return transactions.inTransaction(() -> new Report(key.verifierKey().toString(), store.location(),
                settings.channel(),
                ledger.chains().stream().map(c -> new ChainReport(c.chainId(), c.size(),
                        c.newest().map(CheckpointLedger.Newest::size), c.newest().map(CheckpointLedger.Newest::takenAt)))
                        .toList(),
                ledger.lastPostProblem()));
    }
}
