package dev.changebot.application.change;

import dev.changebot.application.port.DeclaredFreezes;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.policy.FreezeSource;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** `/change freeze start|end|list`: declaring and lifting freezes, by the roles the policy names. */
@Singleton
public class ManageFreezes {

    private final DeclaredFreezes freezes;
    private final Transactions transactions;
    private final RoleDirectory directory;
    private final Policy policy;
    private final Clock clock;

    public ManageFreezes(DeclaredFreezes freezes, Transactions transactions, RoleDirectory directory, Policy policy,
                         Clock clock) {
        this.freezes = freezes;
        this.transactions = transactions;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    /** The answer to tell the person: what happened, or why not. */
    public String declare(String workspaceId, String userId, String reason, Optional<Instant> until) {
        var refusal = refusal(workspaceId, userId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        var now = clock.instant();
        if (until.isPresent() && !until.get().isAfter(now)) {
            return "The freeze would end before it starts; give an end in the future.";
        }
        transactions.inTransaction(() -> {
            freezes.declare(workspaceId, reason, userId, now, until);
            return null;
        });
        return "Freeze declared: " + reason + until.map(u -> " (until " + u + ")").orElse(" (until lifted with `/change freeze end`)")
                + ". Changes now need an override to start.";
    }

    public String lift(String workspaceId, String userId) {
        var refusal = refusal(workspaceId, userId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        int lifted = transactions.inTransaction(() -> freezes.liftAll(workspaceId, userId, clock.instant()));
        return lifted == 0 ? "No declared freeze is in force." : "Lifted " + lifted + " declared freeze" + (lifted == 1 ? "." : "s.");
    }

    public List<DeclaredFreezes.Declared> list(String workspaceId) {
        return transactions.inTransaction(() -> freezes.inForceOrComing(workspaceId, clock.instant()));
    }

    private Optional<String> refusal(String workspaceId, String userId) {
        var allowed = new TreeSet<String>();
        policy.freezes().forEach(f -> {
            if (f.source() instanceof FreezeSource.Declared declared) {
                allowed.addAll(declared.declaredBy());
            }
        });
        if (allowed.isEmpty()) {
            return Optional.of("This policy has no declared freezes: add one with `declared: true` (see docs/policy.md).");
        }
        if (Collections.disjoint(allowed, directory.rolesOf(workspaceId, userId))) {
            return Optional.of("Only " + String.join(" or ", allowed) + " may declare or lift a freeze.");
        }
        return Optional.empty();
    }
}
