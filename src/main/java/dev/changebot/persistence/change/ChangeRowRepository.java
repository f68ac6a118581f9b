package dev.changebot.persistence.change;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ChangeRowRepository extends CrudRepository<ChangeRow, Long> {

    /** Only where the message is: the rest of the row may have moved on meanwhile. */
    @Query("""
            UPDATE change_request SET message_channel_id = :channelId, message_ts = :messageTs
             WHERE workspace_id = :workspaceId AND number = :number""")
    void updateMessage(String workspaceId, long number, String channelId, String messageTs);

    @Query("SELECT * FROM change_request WHERE workspace_id = :workspaceId AND " + OpenStateSql.OPEN
            + " ORDER BY number")
    List<ChangeRow> findOpen(String workspaceId);

    /** How many open changes, counting no further than {@code limit} (an index-only scan of at most that many entries). */
    @Query("SELECT count(*) FROM (SELECT 1 FROM change_request WHERE workspace_id = :workspaceId AND " + OpenStateSql.OPEN
            + " LIMIT :limit) AS counted")
    long countOpen(String workspaceId, long limit);

    /** How many open changes are numbered after {@code after}, counting no further than {@code limit}. */
    @Query("SELECT count(*) FROM (SELECT 1 FROM change_request WHERE workspace_id = :workspaceId AND " + OpenStateSql.OPEN
            + " AND number > :after LIMIT :limit) AS counted")
    long countOpenAfter(String workspaceId, long after, long limit);

    @Query("SELECT count(*) FROM change_request WHERE workspace_id = :workspaceId AND requester_id = :requesterId AND "
            + OpenStateSql.OPEN)
    long countOpenRequestedBy(String workspaceId, String requesterId);
}
