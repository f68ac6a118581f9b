package dev.changebot.persistence.audit;

import java.time.Instant;

/**
 * One look at a source table, as {@link PendingFloor} needs it ({@link WaitingChains} takes it): the largest
 * id committed, the database's clock just after its snapshot was taken ({@code at}), and when the oldest
 * transaction open in this database began ({@code oldestOpen}; null when the database cannot tell, e.g.
 * sessions of another role whose activity this role may not read).
 *
 * <p>A row with an id up to {@code maxId} that this look could not see was given its id before {@code at}
 * (ids are handed out in order, and {@code maxId}'s row had committed by then), so by a transaction begun
 * before {@code at}. Once a later look finds every open transaction begun after {@code at}, that
 * transaction has ended: the row is committed, hence visible, or never will be.
 */
record TableLook(long maxId, Instant at, Instant oldestOpen) {
}
