package dev.changebot.persistence.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One look at a source table, as {@link PendingFloor} needs it: the largest id committed, the database's
 * clock just after its snapshot was taken ({@code at}), and when the oldest transaction open in this
 * database began ({@code oldestOpen}; null when the database cannot tell, e.g. sessions of another role
 * whose activity this role may not read).
 *
 * <p>A row with an id up to {@code maxId} that this look could not see was given its id before {@code at}
 * (ids are handed out in order, and {@code maxId}'s row had committed by then), so by a transaction begun
 * before {@code at}. Once a later look finds every open transaction begun after {@code at}, that
 * transaction has ended: the row is committed, hence visible, or never will be.
 */
record TableLook(long maxId, Instant at, Instant oldestOpen) {

    /**
     * Client sessions only: they are the ones that write the source tables (autovacuum's long transactions
     * write none). A session whose state is hidden (another role's, without pg_read_all_stats) makes the
     * answer unknown rather than wrong. Ours is among them, begun before {@code at}, so this look never
     * settles itself.
     */
    private static final String OLDEST_OPEN = "SELECT CASE WHEN bool_or(a.state IS NULL) THEN NULL"
            + " ELSE min(a.xact_start) END FROM pg_stat_activity a"
            + " WHERE a.datname = current_database() AND a.backend_type = 'client backend'";

    static TableLook take(Connection connection, String table) throws SQLException {
        // clock_timestamp() is evaluated as the row is formed, after the statement's snapshot.
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT coalesce(max(id), 0), clock_timestamp(), (" + OLDEST_OPEN
                     + ") FROM " + table)) {
            rows.next();
            var oldest = rows.getTimestamp(3);
            return new TableLook(rows.getLong(1), rows.getTimestamp(2).toInstant(),
                    oldest == null ? null : oldest.toInstant());
        }
    }
}
