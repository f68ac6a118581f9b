package dev.changebot.persistence.change;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ChangeRowRepository extends CrudRepository<ChangeRow, Long> {

    Optional<ChangeRow> findByWorkspaceIdAndNumber(String workspaceId, long number);

    List<ChangeRow> findByWorkspaceIdAndNumberIn(String workspaceId, java.util.Collection<Long> numbers);

    /** Only where the message is: the rest of the row may have moved on meanwhile. */
    @Query("""
            UPDATE change_request SET message_channel_id = :channelId, message_ts = :messageTs
             WHERE workspace_id = :workspaceId AND number = :number""")
    void updateMessage(String workspaceId, long number, String channelId, String messageTs);

    /** SELECT ... FOR UPDATE: holds the row until the transaction ends. */
    Optional<ChangeRow> findByWorkspaceIdAndNumberForUpdate(String workspaceId, long number);

    /** The number of the change whose message this is (index change_request_by_message): one column, not the change. */
    @Query("""
            SELECT number FROM change_request
             WHERE workspace_id = :workspaceId AND message_channel_id = :channelId AND message_ts = :messageTs
             LIMIT 1""")
    List<Long> findNumberByMessage(String workspaceId, String channelId, String messageTs);

    /** Every change awaiting approval, in every workspace: a scan of change_request_awaiting, not of history. */
    @Query("SELECT * FROM change_request WHERE " + OpenStateSql.AWAITING + " ORDER BY id")
    List<ChangeRow> findAwaitingApproval();

    @Query("SELECT * FROM change_request WHERE workspace_id = :workspaceId AND " + OpenStateSql.OPEN
            + " ORDER BY number")
    List<ChangeRow> findOpen(String workspaceId);

    /** How many open changes, counting no further than {@code limit} (an index-only scan of at most that many entries). */
    @Query("SELECT count(*) FROM (SELECT 1 FROM change_request WHERE workspace_id = :workspaceId AND " + OpenStateSql.OPEN
            + " LIMIT :limit) AS counted")
    long countOpen(String workspaceId, long limit);

    /**
     * A page of open changes in number order. The page's first number is found by an index-only
     * scan of change_request_open (skipping entries, not rows), then the page is read by keyset:
     * only the page's own rows are fetched, however far into the list it is.
     */
    @Query("SELECT * FROM change_request WHERE workspace_id = :workspaceId AND " + OpenStateSql.OPEN
            + " AND number >= (SELECT number FROM change_request WHERE workspace_id = :workspaceId AND "
            + OpenStateSql.OPEN + " ORDER BY number OFFSET :skip LIMIT 1)"
            + " ORDER BY number LIMIT :limit")
    List<ChangeRow> findOpenPage(String workspaceId, int skip, int limit);

    /** Keyset: the next page after the last number a person saw. */
    @Query("SELECT * FROM change_request WHERE workspace_id = :workspaceId AND " + OpenStateSql.OPEN
            + " AND number > :after ORDER BY number LIMIT :limit")
    List<ChangeRow> findOpenAfter(String workspaceId, long after, int limit);

    /** How many open changes are numbered after {@code after}, counting no further than {@code limit}. */
    @Query("SELECT count(*) FROM (SELECT 1 FROM change_request WHERE workspace_id = :workspaceId AND " + OpenStateSql.OPEN
            + " AND number > :after LIMIT :limit) AS counted")
    long countOpenAfter(String workspaceId, long after, long limit);

    @Query("SELECT count(*) FROM change_request WHERE workspace_id = :workspaceId AND requester_id = :requesterId AND "
            + OpenStateSql.OPEN)
    long countOpenRequestedBy(String workspaceId, String requesterId);

    @Query("SELECT * FROM change_request WHERE workspace_id = :workspaceId AND requester_id = :requesterId AND "
            + OpenStateSql.OPEN + " ORDER BY number LIMIT :limit")
    List<ChangeRow> findOpenRequestedBy(String workspaceId, String requesterId, int limit);

    /** Keyset: the next {@code limit} changes awaiting approval after number {@code after}. */
    @Query("SELECT * FROM change_request WHERE workspace_id = :workspaceId AND " + OpenStateSql.AWAITING
            + " AND number > :after ORDER BY number LIMIT :limit")
    List<ChangeRow> findAwaitingApprovalAfter(String workspaceId, long after, int limit);
}
