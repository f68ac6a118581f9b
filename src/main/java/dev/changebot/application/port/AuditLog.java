package dev.changebot.application.port;

import dev.changebot.domain.audit.LoadedPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The audit chains in the database, as the sequencer appends to them: facts recorded (change
 * events, declared freezes, audit notes) but not yet chained become entries, per workspace, in the
 * order they are taken. {@link #append} runs in the caller's transaction.
 */
public interface AuditLog {

    /**
     * The chains with facts waiting to be chained; with {@code everyChain}, every chain that exists
     * as well (so that each learns which policy this node runs). One read: in the caller's transaction if
     * there is one, else on its own.
     */
    Set<String> chainsToAppend(boolean everyChain);

    /**
     * Locks the chain's head (creating the chain when it has none), appends up to about {@code limit}
     * of its waiting facts, oldest recorded first, and advances the head. With {@code policy}, a
     * PolicyLoaded entry comes first when the chain last recorded another policy.
     */
    Appended append(String chainId, Optional<LoadedPolicy> policy, int limit);

    /**
     * @param entries how many entries were appended
     * @param waited  how long the oldest of them was recorded but not chained (zero when none)
     * @param more    true when facts were left for the next call
     */
    record Appended(int entries, Duration waited, boolean more) {
    }
}
