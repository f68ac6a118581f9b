package dev.changebot.persistence;

import dev.changebot.application.port.DeclaredFreezes;
import dev.changebot.persistence.audit.RecordedFacts;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Declared freezes in PostgreSQL; lifted ones stay, with who lifted them and when, for the record. */
@Singleton
class PostgresDeclaredFreezes implements DeclaredFreezes {

    private final JdbcOperations jdbc;
    private final RecordedFacts recorded;

    PostgresDeclaredFreezes(JdbcOperations jdbc, RecordedFacts recorded) {
        this.jdbc = jdbc;
        this.recorded = recorded;
    }

    @Override
    public void declare(String workspaceId, String reason, String declaredBy, Instant startsAt, Optional<Instant> endsAt) {
        execute("INSERT INTO declared_freeze (workspace_id, reason, declared_by, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)",
                workspaceId, reason, declaredBy, Timestamp.from(startsAt), endsAt.map(Timestamp::from).orElse(null));
        recorded.recorded();
    }

    @Override
    public int liftAll(String workspaceId, String liftedBy, Instant at) {
        recorded.recorded();
        return execute("UPDATE declared_freeze SET lifted_by = ?, lifted_at = ? WHERE workspace_id = ? AND lifted_at IS NULL"
                + " AND (ends_at IS NULL OR ends_at > ?)", liftedBy, Timestamp.from(at), workspaceId, Timestamp.from(at));
    }

    @Override
    public List<Declared> inForceOrComing(String workspaceId, Instant now) {
        var sql = "SELECT reason, declared_by, starts_at, ends_at FROM declared_freeze WHERE workspace_id = ?"
                + " AND lifted_at IS NULL AND (ends_at IS NULL OR ends_at > ?) ORDER BY starts_at";
        return jdbc.prepareStatement(sql, statement -> {
            try {
                statement.setString(1, workspaceId);
                statement.setTimestamp(2, Timestamp.from(now));
                var list = new ArrayList<Declared>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        var end = rows.getTimestamp("ends_at");
                        list.add(new Declared(rows.getString("reason"), rows.getString("declared_by"),
                                rows.getTimestamp("starts_at").toInstant(),
                                Optional.ofNullable(end).map(Timestamp::toInstant)));
                    }
                }
                return list;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not list declared freezes", e);
            }
        });
    }

    private int execute(String sql, Object... parameters) {
        return SqlWrites.update(jdbc, "write a declared freeze", sql, parameters);
    }
}
