package dev.changebot.application.query;

import dev.changebot.domain.change.Change;
import java.util.List;

/**
 * One page of a workspace's open changes: page {@code page} of {@code pages}, out of {@code total},
 * with {@code after} more open changes numbered after it. Counting stops at a limit, so either
 * count may say only that there are more than its value; then {@code pages} is the number of
 * pages known to exist, not the last page.
 */
public record OpenChangesPage(List<Change> changes, int page, int pages, Count total, Count after) {

    /** How many: exactly {@code value}, or more than {@code value} when counting stopped there. */
    public record Count(long value, boolean moreThan) {

        public static Count exactly(long value) {
            return new Count(value, false);
        }

        public static Count moreThan(long value) {
            return new Count(value, true);
        }

        public boolean isZero() {
            return value == 0 && !moreThan;
        }
    }
}
