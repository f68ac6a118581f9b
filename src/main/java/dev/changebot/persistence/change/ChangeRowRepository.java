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

    /** SELECT ... FOR UPDATE: holds the row until the transaction ends. */
    Optional<ChangeRow> findByWorkspaceIdAndNumberForUpdate(String workspaceId, long number);

    Optional<ChangeRow> findByWorkspaceIdAndMessageChannelIdAndMessageTs(String workspaceId, String messageChannelId,
                                                                         String messageTs);

    List<ChangeRow> findByStateOrderById(String state);

    List<ChangeRow> findByWorkspaceIdAndStateInOrderByNumber(String workspaceId, Collection<String> states);
}
