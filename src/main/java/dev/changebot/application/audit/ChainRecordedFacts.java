package dev.changebot.application.audit;

import dev.changebot.application.port.AuditLog;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.audit.LoadedPolicy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Chains what was recorded: every chain with facts waiting, a batch per transaction, so that one
 * workspace's head is locked for one short transaction at a time and other workspaces never wait
 * for it. Each node says once per chain which policy it runs (PolicyLoaded, when it differs from
 * the one the chain last recorded). Runs off the request path, after commits; the lock on the
 * chain's head makes several nodes take turns on a chain, and chaining a fact twice is impossible
 * (one entry per source row).
 */
@Singleton
public class ChainRecordedFacts {

    static final int BATCH = 500;

    private final AuditLog log;
    private final Transactions transactions;
    private final LoadedPolicy policy;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final AtomicLong chained = new AtomicLong();
    private final AtomicReference<Duration> lastWait = new AtomicReference<>(Duration.ZERO);
    private volatile boolean firstPass = true;

    public ChainRecordedFacts(AuditLog log, Transactions transactions, LoadedPolicy policy) {
        this.log = log;
        this.transactions = transactions;
        this.policy = policy;
    }

    /** What one pass did. */
    public record Pass(int entries, Duration longestWait) {
    }

    /** Chains everything waiting now; one pass at a time on this node. */
    public synchronized Pass chainWaiting() {
        boolean everyChain = firstPass;
        // One read of its own: no transaction for a look that nearly always finds one chain or none.
        var chains = log.chainsToAppend(everyChain);
        int entries = 0;
        var longest = Duration.ZERO;
        for (var chain : chains) {
            AuditLog.Appended appended;
            do {
                var announce = announced.contains(chain) ? Optional.<LoadedPolicy>empty() : Optional.of(policy);
                appended = transactions.inTransaction(() -> log.append(chain, announce, BATCH));
                announced.add(chain);
                entries += appended.entries();
                if (appended.waited().compareTo(longest) > 0) {
                    longest = appended.waited();
                }
            } while (appended.more());
        }
        firstPass = false;
        chained.addAndGet(entries);
        if (entries > 0) {
            lastWait.set(longest);
        }
        return new Pass(entries, longest);
    }

    /** Entries this node chained since it started. */
    public long chained() {
        return chained.get();
    }

    /** How long the oldest fact of the last pass that chained any had waited: the sequencer's lag. */
    public Duration lastWait() {
        return lastWait.get();
    }
}
