package dev.changebot.application.port;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.schedule.RecordedConflict;
import dev.changebot.domain.schedule.UnlistedConflicts;
import java.util.List;
import java.util.Set;

/**
 * The conflicts between changes found so far, each pair and kind kept once whoever finds it first (one of
 * two instances, or a retry): what was new is told, what was there already is not told again.
 */
public interface ConflictLedger {

    /** Records nothing: for tests of other concerns. */
    ConflictLedger NONE = new ConflictLedger() {
        @Override
        public List<RecordedConflict> recordNew(String workspaceId, List<RecordedConflict> conflicts) {
            return List.of();
        }

        @Override
        public void recordUnlisted(String workspaceId, UnlistedConflicts unlisted) {
        }

        @Override
        public Set<ChangeId> partnersOf(String workspaceId, ChangeId id) {
            return Set.of();
        }

        @Override
        public void oneAtATime(String workspaceId) {
        }
    };

    /**
     * Holds the workspace's request lock until the caller's transaction ends: requests checked under it
     * see each other's changes (one instance or several).
     */
    void oneAtATime(String workspaceId);

    /** Records those not recorded yet, in the caller's transaction; returns the ones this call recorded. */
    List<RecordedConflict> recordNew(String workspaceId, List<RecordedConflict> conflicts);

    /** Records, in the caller's transaction, how many conflicts of a request were not recorded pair by pair (once). */
    void recordUnlisted(String workspaceId, UnlistedConflicts unlisted);

    /** The changes ever recorded in conflict with {@code id}. */
    Set<ChangeId> partnersOf(String workspaceId, ChangeId id);
}
