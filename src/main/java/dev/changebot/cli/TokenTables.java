package dev.changebot.cli;

import dev.changebot.domain.token.TokenScope;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The api_token table as the token commands use it, written the way the bot's adapter writes it. */
final class TokenTables {

    private TokenTables() {
    }

    record Row(String name, TokenScope scope, String createdBy, Instant createdAt, Optional<Instant> lastUsedAt,
               Optional<Instant> revokedAt) {
    }

    /** False when a live token already has that name. */
    static boolean add(Connection connection, String workspaceId, String name, String hash, TokenScope scope,
                       String createdBy, Instant at) throws SQLException {
        var sql = "INSERT INTO api_token (workspace_id, name, token_hash, services, environments, created_by, created_at,"
                + " read_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, name) WHERE revoked_at IS NULL"
                + " DO NOTHING";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, workspaceId);
            statement.setString(2, name);
            statement.setString(3, hash);
            statement.setArray(4, connection.createArrayOf("text", scope.services().toArray()));
            statement.setArray(5, connection.createArrayOf("text", scope.environments().toArray()));
            statement.setString(6, createdBy);
            statement.setTimestamp(7, Timestamp.from(at));
            statement.setBoolean(8, scope.readOnly());
            return statement.executeUpdate() == 1;
        }
    }

    static List<Row> list(Connection connection, String workspaceId) throws SQLException {
        var sql = "SELECT name, services, environments, read_only, created_by, created_at, last_used_at, revoked_at"
                + " FROM api_token"
                + " WHERE workspace_id = ? ORDER BY revoked_at IS NOT NULL, name, id";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, workspaceId);
            try (var rows = statement.executeQuery()) {
                var list = new ArrayList<Row>();
                while (rows.next()) {
                    list.add(new Row(rows.getString("name"),
                            new TokenScope(strings(rows.getArray("services")), strings(rows.getArray("environments")),
                                    rows.getBoolean("read_only")),
                            rows.getString("created_by"), rows.getTimestamp("created_at").toInstant(),
                            Optional.ofNullable(rows.getTimestamp("last_used_at")).map(Timestamp::toInstant),
                            Optional.ofNullable(rows.getTimestamp("revoked_at")).map(Timestamp::toInstant)));
                }
                return list;
            }
        }
    }

    /** The revoked token's scope; empty when no live token has that name. */
    static Optional<TokenScope> revoke(Connection connection, String workspaceId, String name, String by, Instant at)
            throws SQLException {
        var sql = "UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE workspace_id = ? AND name = ?"
                + " AND revoked_at IS NULL RETURNING services, environments, read_only";
        try (var statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setString(2, by);
            statement.setString(3, workspaceId);
            statement.setString(4, name);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new TokenScope(strings(rows.getArray("services")),
                        strings(rows.getArray("environments")), rows.getBoolean("read_only"))) : Optional.empty();
            }
        }
    }

    /** The workspaces the database knows: those with changes or tokens. */
    static List<String> workspaces(Connection connection) throws SQLException {
        var sql = "SELECT workspace_id FROM change_request UNION SELECT workspace_id FROM api_token ORDER BY 1";
        try (var statement = connection.prepareStatement(sql); var rows = statement.executeQuery()) {
            var list = new ArrayList<String>();
            while (rows.next()) {
                list.add(rows.getString(1));
            }
            return list;
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
