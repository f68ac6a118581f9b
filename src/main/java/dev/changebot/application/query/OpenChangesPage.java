package dev.changebot.application.query;

import dev.changebot.domain.change.Change;
import java.util.List;

/** One page of a workspace's open changes: page {@code page} of {@code pages}, out of {@code total}. */
public record OpenChangesPage(List<Change> changes, int page, int pages, long total, int perPage) {

    /** How many open changes come after this page. */
    public long after() {
        return Math.max(0, total - (long) (page - 1) * perPage - changes.size());
    }
}
