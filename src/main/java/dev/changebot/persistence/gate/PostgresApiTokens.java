package dev.changebot.persistence.gate;

import dev.changebot.application.port.ApiTokens;
import dev.changebot.domain.token.ApiToken;
import dev.changebot.domain.token.TokenScope;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** API tokens in PostgreSQL (api_token): only the hash of a token's text is ever written. */
@Singleton
class PostgresApiTokens implements ApiTokens {

    private static final String COLUMNS = "id, workspace_id, name, services, environments, read_only, created_by,"
            + " created_at, last_used_at, revoked_at";

    private final JdbcOperations jdbc;

    PostgresApiTokens(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ApiToken> add(String workspaceId, String name, String hash, TokenScope scope, String createdBy,
                                  Instant at) {
        return Rows.one(jdbc, "add an API token", PostgresApiTokens::token,
                "INSERT INTO api_token (workspace_id, name, token_hash, services, environments, read_only, created_by,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, name)"
                        + " WHERE revoked_at IS NULL DO NOTHING RETURNING " + COLUMNS,
                workspaceId, name, hash, scope.services().toArray(String[]::new),
                scope.environments().toArray(String[]::new), scope.readOnly(), createdBy, Rows.at(at));
    }

    @Override
    public List<ApiToken> list(String workspaceId) {
        return Rows.query(jdbc, "list API tokens", PostgresApiTokens::token, "SELECT " + COLUMNS
                + " FROM api_token WHERE workspace_id = ? ORDER BY revoked_at IS NOT NULL, name, id", workspaceId);
    }

    @Override
    public Optional<ApiToken> revoke(String workspaceId, String name, String revokedBy, Instant at) {
        return Rows.one(jdbc, "revoke an API token", PostgresApiTokens::token,
                "UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE workspace_id = ? AND name = ?"
                        + " AND revoked_at IS NULL RETURNING " + COLUMNS, Rows.at(at), revokedBy, workspaceId, name);
    }

    @Override
    public Optional<ApiToken> findByHash(String hash) {
        return Rows.one(jdbc, "find an API token", PostgresApiTokens::token,
                "SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?", hash);
    }

    @Override
    public void touch(long tokenId, Instant at) {
        Rows.update(jdbc, "note an API token's use", "UPDATE api_token SET last_used_at = ? WHERE id = ?"
                + " AND (last_used_at IS NULL OR last_used_at < ?)", Rows.at(at), tokenId, Rows.at(at));
    }

    private static ApiToken token(ResultSet row) throws SQLException {
        return new ApiToken(row.getLong("id"), row.getString("workspace_id"), row.getString("name"),
                new TokenScope(strings(row, "services"), strings(row, "environments"), row.getBoolean("read_only")),
                row.getString("created_by"),
                row.getTimestamp("created_at").toInstant(), Rows.instant(row, "last_used_at"),
                Rows.instant(row, "revoked_at"));
    }

    private static List<String> strings(ResultSet row, String column) throws SQLException {
        var array = row.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
