package dev.changebot.persistence.gate;

import dev.changebot.application.port.GateChecks;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.gate.GateCheck;
import dev.changebot.domain.gate.GateState;
import dev.changebot.domain.gate.GateVerdict;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Gate checks in PostgreSQL (gate_check). */
@Singleton
class PostgresGateChecks implements GateChecks {

    private static final String COLUMNS = "id, public_id, workspace_id, token_id, idempotency_key, change_number,"
            + " service, environment, state, reasons::text AS reasons, next_open, deadline, created_at, settled_at";

    private final JdbcOperations jdbc;
    private final GateCheckCounts counts;
    private final ConnectionOperations<Connection> connections;

    PostgresGateChecks(JdbcOperations jdbc, GateCheckCounts counts, ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.counts = counts;
    }

    @Override
    public void lockKey(long tokenId, String idempotencyKey) {
        Rows.query(jdbc, "lock a gate check's key", row -> 1,
                "SELECT pg_advisory_xact_lock(hashtextextended(? || ':' || ?, 14))", Long.toString(tokenId),
                idempotencyKey);
    }

    @Override
    public Optional<GateCheck> byKey(long tokenId, String idempotencyKey) {
        return Rows.one(jdbc, "read a gate check", PostgresGateChecks::check,
                "SELECT " + COLUMNS + " FROM gate_check WHERE token_id = ? AND idempotency_key = ?", tokenId,
                idempotencyKey);
    }

    @Override
    public Optional<GateCheck> byPublicId(String workspaceId, String publicId) {
        return Rows.one(jdbc, "read a gate check", PostgresGateChecks::check,
                "SELECT " + COLUMNS + " FROM gate_check WHERE workspace_id = ? AND public_id = ?", workspaceId, publicId);
    }

    @Override
    public GateCheck add(GateCheck check, String requestBody) {
        var verdict = check.verdict();
        var stored = Rows.one(jdbc, "store a gate check", PostgresGateChecks::check,
                "INSERT INTO gate_check (public_id, workspace_id, token_id, idempotency_key, request_body, change_number,"
                        + " service, environment, state, reasons, next_open, deadline, created_at, settled_at)"
                        + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?) RETURNING " + COLUMNS,
                check.publicId(), check.workspaceId(), check.tokenId(), check.idempotencyKey(), requestBody,
                check.change().number(), check.service().orElse(null), check.environment(), verdict.state().code(),
                ReasonsJson.write(verdict.reasons()), Rows.at(verdict.nextOpen().orElse(null)),
                Rows.at(check.deadline().orElse(null)), Rows.at(check.createdAt()),
                Rows.at(check.settledAt().orElse(null))).orElseThrow();
        counts.reached(verdict.state());
        return stored;
    }

    @Override
    public Optional<GateCheck> allowedFor(String workspaceId, Optional<String> service, String environment, String sha) {
        return Rows.one(jdbc, "find the allowed gate check of a commit", PostgresGateChecks::check,
                "SELECT " + COLUMNS + " FROM gate_check WHERE workspace_id = ? AND environment = ?"
                        + " AND lower(request_body ->> 'sha') = ? AND state = 'allowed'"
                        + " AND (CAST(? AS text) IS NULL OR service = ?) ORDER BY id DESC LIMIT 1",
                workspaceId, environment, sha.toLowerCase(java.util.Locale.ROOT), service.orElse(null),
                service.orElse(null));
    }

    @Override
    public List<GateCheck> pending(int limit) {
        // In the caller's transaction, or autocommitted on a connection of its own: the settler's look is one read.
        return connections.execute(ConnectionDefinition.READ_ONLY, status -> Rows.query(jdbc,
                "list pending gate checks", PostgresGateChecks::check,
                "SELECT " + COLUMNS + " FROM gate_check WHERE state = 'pending' ORDER BY id LIMIT ?", limit));
    }

    @Override
    public List<String> settledAmong(java.util.Collection<String> publicIds) {
        return Rows.query(jdbc, "read settled gate checks", row -> row.getString("public_id"),
                "SELECT public_id FROM gate_check WHERE public_id = ANY(?) AND state <> 'pending'",
                (Object) publicIds.toArray(String[]::new));
    }

    @Override
    public boolean decide(long id, GateVerdict verdict, Instant at) {
        boolean decided = Rows.update(jdbc, "decide a gate check",
                "UPDATE gate_check SET state = ?, reasons = CAST(? AS jsonb), next_open = ?, settled_at = ?"
                        + " WHERE id = ? AND state = 'pending'",
                verdict.state().code(), ReasonsJson.write(verdict.reasons()),
                Rows.at(verdict.nextOpen().orElse(null)), verdict.state().settled() ? Rows.at(at) : null, id) == 1;
        // A pending check looked at again and still pending was counted when it was stored.
        if (decided && verdict.state().settled()) {
            counts.reached(verdict.state());
        }
        return decided;
    }

    private static GateCheck check(ResultSet row) throws SQLException {
        var verdict = new GateVerdict(GateState.ofCode(row.getString("state")), ReasonsJson.read(row.getString("reasons")),
                Rows.instant(row, "next_open"));
        return new GateCheck(row.getLong("id"), row.getString("public_id"), row.getString("workspace_id"),
                row.getLong("token_id"), row.getString("idempotency_key"), new ChangeId(row.getLong("change_number")),
                Optional.ofNullable(row.getString("service")), row.getString("environment"), verdict,
                Rows.instant(row, "deadline"), row.getTimestamp("created_at").toInstant(), Rows.instant(row, "settled_at"));
    }
}
