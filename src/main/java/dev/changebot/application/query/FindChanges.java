package dev.changebot.application.query;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Read-only questions about changes: one change with its ladder, or the ones still open. */
@Singleton
public class FindChanges {

    private final Changes changes;
    private final ChangeViews views;

    public FindChanges(Changes changes, ChangeViews views) {
        this.changes = changes;
        this.views = views;
    }

    public Optional<ChangeView> byId(String workspaceId, ChangeId id) {
        return changes.find(workspaceId, id).map(views::of);
    }

    /** The change itself, without its view: enough to know it exists and where its message is. */
    public Optional<Change> find(String workspaceId, ChangeId id) {
        return changes.find(workspaceId, id);
    }

    public List<Change> open(String workspaceId) {
        return changes.findOpen(workspaceId);
    }
}
