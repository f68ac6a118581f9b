package dev.changebot.application.query;

import dev.changebot.application.port.OpenChanges;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Read-only questions about changes: one change with its ladder, or a page of the ones still open. */
@Singleton
public class FindChanges {

    private final Changes changes;
    private final OpenChanges open;
    private final ChangeViews views;
    private final Transactions transactions;

    public FindChanges(Changes changes, OpenChanges open, ChangeViews views, Transactions transactions) {
        this.changes = changes;
        this.open = open;
        this.views = views;
        this.transactions = transactions;
    }

    public Optional<ChangeView> byId(String workspaceId, ChangeId id) {
        return changes.find(workspaceId, id).map(views::of);
    }

    /** The change itself, without its view: enough to know it exists and where its message is. */
    public Optional<Change> find(String workspaceId, ChangeId id) {
        return changes.find(workspaceId, id);
    }

    /**
     * Page {@code page} of the open changes, {@code perPage} to a page, in number order; a page past
     * the end is the last one. Reads the page and a count, never every open change.
     */
    public OpenChangesPage openPage(String workspaceId, int page, int perPage) {
        return transactions.inTransaction(() -> {
            long total = open.count(workspaceId);
            int pages = pagesOf(total, perPage);
            int shown = Math.min(Math.max(page, 1), pages);
            int skip = (shown - 1) * perPage;
            var changes = total == 0 ? List.<Change>of() : open.page(workspaceId, skip, perPage);
            return new OpenChangesPage(changes, shown, pages, total, Math.max(0, total - skip - changes.size()));
        });
    }

    /**
     * The page that follows the open change numbered {@code afterNumber} (keyset), labelled page
     * {@code page}: what a Next page button asks for.
     */
    public OpenChangesPage openAfter(String workspaceId, long afterNumber, int page, int perPage) {
        return transactions.inTransaction(() -> {
            long total = open.count(workspaceId);
            int pages = pagesOf(total, perPage);
            var changes = open.after(workspaceId, afterNumber, perPage);
            long after = changes.isEmpty() ? 0
                    : open.countAfter(workspaceId, changes.get(changes.size() - 1).id().number());
            return new OpenChangesPage(changes, Math.min(page, pages), pages, total, after);
        });
    }

    /** At least one page, so that "page 1 of 1" can say there is nothing open. */
    private static int pagesOf(long total, int perPage) {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }
}
