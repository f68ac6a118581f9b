package dev.changebot.application;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Read-only questions about changes: one change, or the ones still open. */
@Singleton
public class FindChanges {

    private final Changes changes;

    public FindChanges(Changes changes) {
        this.changes = changes;
    }

    public Optional<Change> byId(String workspaceId, ChangeId id) {
        return changes.find(workspaceId, id);
    }

    public List<Change> open(String workspaceId) {
        return changes.findOpen(workspaceId);
    }
}
