package dev.changebot.application.gate;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Long-polls waiting on checks, in this process: a future per waiter, completed when the check
 * settles here (after the commit) or when its wait ends. Nobody waiting holds a thread or a
 * database connection; a check settled on another node is found by this node's settler pass.
 */
@Singleton
public class GateWaiters {

    private final Map<String, Set<CompletableFuture<Boolean>>> waiting = new ConcurrentHashMap<>();

    /** Completes with true when the check settles within {@code max}, false when the wait ends first. */
    public CompletableFuture<Boolean> await(String publicId, Duration max) {
        var future = new CompletableFuture<Boolean>();
        waiting.computeIfAbsent(publicId, id -> ConcurrentHashMap.newKeySet()).add(future);
        future.completeOnTimeout(false, max.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((settled, error) -> forget(publicId, future));
        return future;
    }

    public void settled(String publicId) {
        var futures = waiting.remove(publicId);
        if (futures != null) {
            futures.forEach(future -> future.complete(true));
        }
    }

    /** The checks someone here is waiting on. */
    public Set<String> awaited() {
        return Set.copyOf(waiting.keySet());
    }

    /** How many are waiting now: for tests and health. */
    public int count() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    private void forget(String publicId, CompletableFuture<Boolean> future) {
        waiting.computeIfPresent(publicId, (id, futures) -> {
            futures.remove(future);
            return futures.isEmpty() ? null : futures;
        });
    }
}
