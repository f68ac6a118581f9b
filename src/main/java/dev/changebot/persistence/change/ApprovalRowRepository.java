package dev.changebot.persistence.change;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApprovalRowRepository extends GenericRepository<ApprovalRow, Long> {

    /** Idempotent: the unique (change, step, approver) key keeps one approval per person and step. */
    @Query("""
            INSERT INTO change_approval (change_id, approver_id, approved_at, step)
            VALUES (:changeId, :approverId, :approvedAt, :step)
            ON CONFLICT (change_id, step, approver_id) DO NOTHING""")
    void insertIfAbsent(long changeId, String approverId, Instant approvedAt, int step);
}
