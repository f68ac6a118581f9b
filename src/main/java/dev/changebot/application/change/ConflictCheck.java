package dev.changebot.application.change;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.schedule.Conflict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The conflicts of a change being requested: checked before it is recorded (a {@code conflicts: block}
 * class refuses it), then, once it is, recorded and told in the threads of both changes.
 */
public interface ConflictCheck {

    /** A change not stored yet is checked under this id, which no stored change bears. */
    ChangeId PROVISIONAL = new ChangeId(Long.MAX_VALUE);

    /** Checks nothing: for a request handled without a calendar (tests of other concerns). */
    ConflictCheck NONE = new ConflictCheck() {
        @Override
        public Optional<Found> check(Change planned, ChangeClass changeClass, Instant now) {
            return Optional.empty();
        }

        @Override
        public void record(Change created, ChangeClass changeClass, Found found, Instant now) {
        }
    };

    /**
     * What a check found: the conflicts (with {@link #PROVISIONAL} standing for the change), the next free
     * slot when there are some, the open changes they are with, and the highest change number it read (a
     * recheck reads only the changes numbered after it).
     */
    record Found(List<Conflict> conflicts, Optional<TimeSpan> nextFreeSlot, List<Change> others, long readUpTo) {

        public Found {
            conflicts = List.copyOf(conflicts);
            others = List.copyOf(others);
        }
    }

    /** The conflicts of {@code planned} (bearing {@link #PROVISIONAL}); empty when they were not looked for. */
    Optional<Found> check(Change planned, ChangeClass changeClass, Instant now);

    /**
     * In the caller's transaction: waits until no other request of the workspace is being checked and
     * recorded, so a check made next sees the changes those recorded.
     */
    default void oneAtATime(String workspaceId) {
    }

    /**
     * Under {@link #oneAtATime}, before recording: {@code found} with the conflicts of {@code planned} with the
     * changes recorded since it was read (another request at the same moment), so neither misses the other.
     */
    default Found recheck(Change planned, ChangeClass changeClass, Found found, Instant now) {
        return found;
    }

    /** In the transaction that stored {@code created}: records its conflicts with other changes and tells them. */
    void record(Change created, ChangeClass changeClass, Found found, Instant now);
}
