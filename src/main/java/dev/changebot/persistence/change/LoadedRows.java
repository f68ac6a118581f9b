package dev.changebot.persistence.change;

import dev.changebot.domain.change.Change;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The row each change object was locked from or stored as, so that storing it again does not
 * select the row it came from (on the ack path, the row the command has just locked). Keyed by the
 * object itself (Change has identity equality), held weakly: an entry lasts as long as the change
 * object, which is loaded afresh by every command, so it cannot outlive the row it names.
 */
final class LoadedRows {

    private final Map<Change, Long> rowIds = Collections.synchronizedMap(new WeakHashMap<>());

    Change remember(Change change, long rowId) {
        rowIds.put(change, rowId);
        return change;
    }

    Optional<Long> rowIdOf(Change change) {
        return Optional.ofNullable(rowIds.get(change));
    }
}
