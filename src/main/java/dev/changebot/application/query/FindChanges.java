package dev.changebot.application.query;

import dev.changebot.application.port.OpenChanges;
import dev.changebot.application.port.Transactions;
import dev.changebot.application.query.OpenChangesPage.Count;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Read-only questions about changes: one change with its ladder, or a page of the ones still open. */
@Singleton
public class FindChanges {

    /**
     * Past this many open changes a list says "more than" instead of counting on: the count is read
     * on every /change list, and its cost must not follow a backlog without end.
     */
    static final int COUNT_LIMIT = 1_000;

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
     * the end is the last one. Reads the page with a count that stops at {@link #COUNT_LIMIT}, or a
     * page past the page asked for when that is further: never every open change. One statement (one
     * snapshot) answers both; only a page asked for past the end is read again, as the last page.
     */
    public OpenChangesPage openPage(String workspaceId, int page, int perPage) {
        int asked = Math.max(page, 1);
        long skip = (long) (asked - 1) * perPage;
        // Far enough that a count which stops there still knows a full next page follows; one
        // further tells whether the count is exact.
        long limit = Math.max(COUNT_LIMIT, skip + 2L * perPage) + 1;
        var read = open.countedPage(workspaceId, (int) skip, perPage, limit);
        long counted = read.counted();
        if (counted == limit) {
            // More than limit - 1 are open: the page asked for is full and more than a page follows it.
            long known = limit - 1;
            return new OpenChangesPage(read.changes(), asked, pagesOf(limit, perPage), Count.moreThan(known),
                    Count.moreThan(known - skip - read.changes().size()));
        }
        int pages = pagesOf(counted, perPage);
        int shown = Math.min(asked, pages);
        int first = (shown - 1) * perPage;
        var changes = first == skip || counted == 0 ? read.changes() : open.page(workspaceId, first, perPage);
        return new OpenChangesPage(changes, shown, pages, Count.exactly(counted),
                Count.exactly(Math.max(0, counted - first - changes.size())));
    }

    /**
     * The page that follows the open change numbered {@code afterNumber} (keyset), labelled page
     * {@code page}: what a Next page button asks for.
     */
    public OpenChangesPage openAfter(String workspaceId, long afterNumber, int page, int perPage) {
        return transactions.inTransaction(() -> {
            var total = countUpToLimit(open.countUpTo(workspaceId, COUNT_LIMIT + 1));
            int pages = pagesOf(total.moreThan() ? COUNT_LIMIT + 1 : total.value(), perPage);
            var changes = open.after(workspaceId, afterNumber, perPage);
            var after = changes.isEmpty() ? Count.exactly(0) : countUpToLimit(open.countAfterUpTo(workspaceId,
                    changes.get(changes.size() - 1).id().number(), COUNT_LIMIT + 1));
            return new OpenChangesPage(changes, total.moreThan() ? page : Math.min(page, pages), pages, total, after);
        });
    }

    /** A count taken with a limit of {@link #COUNT_LIMIT} + 1: reaching it means more than the limit. */
    private static Count countUpToLimit(long counted) {
        return counted > COUNT_LIMIT ? Count.moreThan(COUNT_LIMIT) : Count.exactly(counted);
    }

    /** At least one page, so that "page 1 of 1" can say there is nothing open. */
    private static int pagesOf(long total, int perPage) {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }
}
