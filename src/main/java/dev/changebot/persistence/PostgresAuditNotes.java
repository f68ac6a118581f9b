package dev.changebot.persistence;

import dev.changebot.application.port.AuditNotes;
import dev.changebot.domain.audit.CanonicalJson;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * Audit notes in {@code audit_note}, in the caller's transaction; the sequencer chains them.
 * (The evidence branch's minimal adapter: the chain helper's takes its place at merge.)
 */
@Singleton
class PostgresAuditNotes implements AuditNotes {

    private final JdbcOperations jdbc;

    PostgresAuditNotes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String workspaceId, String kind, String actorId, Instant occurredAt, Map<String, Object> details) {
        SqlWrites.update(jdbc, "record an audit note",
                "INSERT INTO audit_note (workspace_id, kind, actor_id, occurred_at, details) VALUES (?, ?, ?, ?, ?::jsonb)",
                workspaceId, kind, actorId, Timestamp.from(occurredAt), CanonicalJson.write(details));
    }
}
