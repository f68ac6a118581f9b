package dev.changebot.persistence.audit;

import dev.changebot.application.port.AuditNotes;
import dev.changebot.domain.audit.CanonicalJson;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/** Audit notes in PostgreSQL: one audit_note row, in the caller's transaction; chained after its commit. */
@Singleton
class PostgresAuditNotes implements AuditNotes {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private final JdbcOperations jdbc;
    private final RecordedFacts recorded;

    PostgresAuditNotes(JdbcOperations jdbc, RecordedFacts recorded) {
        this.jdbc = jdbc;
        this.recorded = recorded;
    }

    @Override
    public void record(String workspaceId, String kind, String actorId, Instant occurredAt, Map<String, Object> details) {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("An audit note's kind is one UpperCamelCase word, not \"" + kind + "\"");
        }
        // Written as the body will hold it, so a value the canonical encoding refuses fails here, not in the sequencer.
        var json = CanonicalJson.write(details == null ? Map.of() : details);
        jdbc.prepareStatement("INSERT INTO audit_note (workspace_id, kind, actor_id, occurred_at, details)"
                + " VALUES (?, ?, ?, ?, ?::jsonb)", statement -> {
                    try {
                        statement.setString(1, workspaceId);
                        statement.setString(2, kind);
                        statement.setString(3, actorId);
                        statement.setTimestamp(4, Timestamp.from(occurredAt));
                        statement.setString(5, json);
                        return statement.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException("Could not record the audit note " + kind, e);
                    }
                });
        recorded.recorded();
    }
}
