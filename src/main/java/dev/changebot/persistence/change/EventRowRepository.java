package dev.changebot.persistence.change;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Append and read only: the table refuses updates and deletes anyway. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EventRowRepository extends GenericRepository<EventRow, Long> {

    EventRow save(EventRow row);

    List<EventRow> findByChangeIdOrderById(long changeId);
}
