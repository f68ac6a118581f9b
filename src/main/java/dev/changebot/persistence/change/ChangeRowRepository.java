package dev.changebot.persistence.change;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ChangeRowRepository extends CrudRepository<ChangeRow, Long> {

    Optional<ChangeRow> findByWorkspaceIdAndNumber(String workspaceId, long number);

    /** Only where the message is: the rest of the row may have moved on meanwhile. */
    @io.micronaut.data.annotation.Query("""
            UPDATE change_request SET message_channel_id = :channelId, message_ts = :messageTs
             WHERE workspace_id = :workspaceId AND number = :number""")
    void updateMessage(String workspaceId, long number, String channelId, String messageTs);

    /** SELECT ... FOR UPDATE: holds the row until the transaction ends. */
    Optional<ChangeRow> findByWorkspaceIdAndNumberForUpdate(String workspaceId, long number);

    Optional<ChangeRow> findByWorkspaceIdAndMessageChannelIdAndMessageTs(String workspaceId, String messageChannelId,
                                                                         String messageTs);

    List<ChangeRow> findByStateOrderById(String state);

    List<ChangeRow> findByWorkspaceIdAndStateInOrderByNumber(String workspaceId, Collection<String> states);
}
