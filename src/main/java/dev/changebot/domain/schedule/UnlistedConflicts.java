package dev.changebot.domain.schedule;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.policy.ConflictRule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The conflicts a request found beyond those recorded pair by pair: how many other changes, of which kinds,
 * and the time they span. Kept so the evidence says a change was planned over more changes than it lists.
 */
public record UnlistedConflicts(ChangeId requested, int otherChanges, List<Conflict.Kind> kinds, TimeSpan span,
                                Instant detectedAt, ConflictRule rule) {

    public UnlistedConflicts {
        Objects.requireNonNull(requested, "requested");
        kinds = List.copyOf(kinds);
        if (otherChanges < 1 || kinds.isEmpty()) {
            throw new IllegalArgumentException("Unlisted conflicts are with at least one other change, of some kind");
        }
    }
}
