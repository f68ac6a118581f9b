package dev.changebot.domain.schedule;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.policy.ConflictRule;
import java.time.Instant;
import java.util.Objects;

/**
 * A conflict between two changes as it is kept once found: {@code requested} is the change whose request
 * found it (planned over {@code other}'s window), {@code rule} that change's class's {@code conflicts:}
 * setting then. Two records are the same conflict whichever way round the changes are named.
 */
public record RecordedConflict(ChangeId requested, ChangeId other, Conflict.Kind kind, TimeSpan overlap,
                               Instant detectedAt, ConflictRule rule) {

    public RecordedConflict {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(other, "other");
        if (requested.equals(other)) {
            throw new IllegalArgumentException("A change does not conflict with itself: " + requested);
        }
    }

    /** The lower-numbered of the two changes. */
    public ChangeId low() {
        return requested.number() < other.number() ? requested : other;
    }

    /** The higher-numbered of the two changes. */
    public ChangeId high() {
        return requested.number() < other.number() ? other : requested;
    }
}
