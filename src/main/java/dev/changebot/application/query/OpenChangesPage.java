package dev.changebot.application.query;

import dev.changebot.domain.change.Change;
import java.util.List;

/**
 * One page of a workspace's open changes: page {@code page} of {@code pages}, out of {@code total},
 * with {@code after} more open changes numbered after it.
 */
public record OpenChangesPage(List<Change> changes, int page, int pages, long total, long after) {
}
