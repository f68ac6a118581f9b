package dev.changebot.persistence.change;

import dev.changebot.domain.change.Change;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The row each change object was locked from or last stored as, so that storing it again neither
 * selects the row it came from (on the ack path, the row the command has just locked) nor writes the
 * columns that still hold what the row holds. Keyed by the object itself (Change has identity
 * equality), held weakly: an entry lasts as long as the change object, which is loaded afresh by
 * every command, under its lock, so it cannot outlive the row it names.
 */
final class LoadedRows {

    private final Map<Change, ChangeRow> rows = Collections.synchronizedMap(new WeakHashMap<>());

    /** {@code row}: what the database holds for the change now (as read under its lock, or as just written). */
    Change remember(Change change, ChangeRow row) {
        rows.put(change, row);
        return change;
    }

    Optional<ChangeRow> rowOf(Change change) {
        return Optional.ofNullable(rows.get(change));
    }
}
