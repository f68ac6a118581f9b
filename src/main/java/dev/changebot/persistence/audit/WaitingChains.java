package dev.changebot.persistence.audit;

import dev.changebot.domain.audit.SourceFact;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The sequencer's look for chains with facts waiting, in one statement: the workspaces with change events,
 * audit notes or freezes not chained yet, and for each floored table ({@link PendingFloor}) its look
 * ({@link TableLook}) and the smallest id found waiting. One statement, so one snapshot: what the look finds
 * committed, the reads see. It ran as five statements in a transaction at every pass, up to four passes a
 * second under a stream of approvals (docs/performance/ack-path-sessions.md, eighth session).
 */
final class WaitingChains {

    /**
     * Client sessions only: they are the ones that write the source tables (autovacuum's long transactions
     * write none). A session whose state is hidden (another role's, without pg_read_all_stats) makes the
     * answer unknown rather than wrong. Ours is among them, begun before the look's clock, so a look never
     * settles itself.
     */
    private static final String OLDEST_OPEN = "SELECT CASE WHEN bool_or(a.state IS NULL) THEN NULL"
            + " ELSE min(a.xact_start) END FROM pg_stat_activity a"
            + " WHERE a.datname = current_database() AND a.backend_type = 'client backend'";

    /**
     * Parameters: the change_event floor, the audit_note floor, whether every chain is wanted. The clock is
     * read as the row is formed, after the statement's snapshot was taken, as {@link TableLook} requires.
     */
    private static final String LOOK = """
            WITH events AS (
                SELECT t.workspace_id, min(t.id) AS lowest FROM change_event t WHERE t.id > ?%s
                 GROUP BY t.workspace_id),
            notes AS (
                SELECT t.workspace_id, min(t.id) AS lowest FROM audit_note t WHERE t.id > ?%s
                 GROUP BY t.workspace_id),
            freezes AS (
                SELECT t.workspace_id FROM declared_freeze t WHERE (TRUE%s) OR (t.lifted_at IS NOT NULL%s))
            SELECT (SELECT coalesce(max(id), 0) FROM change_event), (SELECT coalesce(max(id), 0) FROM audit_note),
                   clock_timestamp(), (%s),
                   (SELECT min(lowest) FROM events), (SELECT min(lowest) FROM notes),
                   ARRAY(SELECT workspace_id FROM events UNION SELECT workspace_id FROM notes
                         UNION SELECT workspace_id FROM freezes UNION SELECT chain_id FROM audit_chain WHERE ?
                         ORDER BY 1)""".formatted(
            SourceRows.andNotChained(SourceFact.CHANGE_EVENT, "t.id"),
            SourceRows.andNotChained(SourceFact.AUDIT_NOTE, "t.id"),
            SourceRows.andNotChained(SourceFact.FREEZE_DECLARED, "t.id"),
            SourceRows.andNotChained(SourceFact.FREEZE_LIFTED, "t.id"), OLDEST_OPEN);

    /**
     * What one look saw: the chains to append to, and for change_event and audit_note the table's look and
     * the smallest id waiting above the floor (null when none is), for their {@link PendingFloor}s.
     */
    record Look(Set<String> chains, TableLook events, Long lowestEvent, TableLook notes, Long lowestNote) {
    }

    private WaitingChains() {
    }

    static Look look(Connection connection, long eventsAbove, long notesAbove, boolean everyChain) throws SQLException {
        try (var statement = connection.prepareStatement(LOOK)) {
            statement.setLong(1, eventsAbove);
            statement.setLong(2, notesAbove);
            statement.setBoolean(3, everyChain);
            try (var rows = statement.executeQuery()) {
                rows.next();
                var at = rows.getTimestamp(3).toInstant();
                var oldest = rows.getTimestamp(4);
                var oldestOpen = oldest == null ? null : oldest.toInstant();
                var chains = new LinkedHashSet<String>();
                for (var chain : (String[]) rows.getArray(7).getArray()) {
                    chains.add(chain);
                }
                return new Look(chains, new TableLook(rows.getLong(1), at, oldestOpen), (Long) rows.getObject(5),
                        new TableLook(rows.getLong(2), at, oldestOpen), (Long) rows.getObject(6));
            }
        }
    }
}
