package dev.changebot.persistence;

import dev.changebot.application.github.ProtectionRequest;
import dev.changebot.application.port.GitHubProtectionRequests;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** GitHub's protection requests in {@code github_protection_request}, one row per delivery. */
@Singleton
class PostgresGitHubProtectionRequests implements GitHubProtectionRequests {

    private static final String KEEP = """
            INSERT INTO github_protection_request (delivery_id, installation_id, repository, environment,
                run_id, callback_url, deployment_id, sha, ref, event, sender, received_at, change_number)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING RETURNING id""";
    private static final String LINK = "UPDATE github_protection_request SET check_id = ? WHERE id = ?";
    private static final String CHECK_OF_DEPLOYMENT = """
            SELECT c.public_id FROM github_protection_request r JOIN gate_check c ON c.id = r.check_id
             WHERE r.repository = ? AND r.deployment_id = ? ORDER BY r.id DESC LIMIT 1""";
    private static final String BY_CHECK = "SELECT id FROM github_protection_request WHERE check_id = ? ORDER BY id";
    /** The workspaces this database knows: where changes were requested or tokens made. */
    private static final String WORKSPACES = """
            SELECT workspace_id FROM change_request UNION SELECT workspace_id FROM api_token ORDER BY 1 LIMIT 2""";
    private static final String FIND = """
            SELECT delivery_id, installation_id, repository, environment, run_id, callback_url, deployment_id, sha, ref,
                   event, sender, received_at, change_number
              FROM github_protection_request WHERE id = ?""";

    private final JdbcOperations jdbc;

    PostgresGitHubProtectionRequests(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> keep(ProtectionRequest request) {
        return jdbc.prepareStatement(KEEP, statement -> {
            try {
                statement.setString(1, request.deliveryId());
                statement.setLong(2, request.installationId());
                statement.setString(3, request.repository());
                statement.setString(4, request.environment());
                statement.setLong(5, request.runId());
                statement.setString(6, request.callbackUrl());
                statement.setObject(7, request.deploymentId().orElse(null));
                statement.setString(8, request.sha().orElse(null));
                statement.setString(9, request.ref().orElse(null));
                statement.setString(10, request.event().orElse(null));
                statement.setString(11, request.sender().orElse(null));
                statement.setTimestamp(12, Timestamp.from(request.receivedAt()));
                statement.setObject(13, request.changeNumber().orElse(null));
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not keep GitHub's protection request", e);
            }
        });
    }

    @Override
    public Optional<ProtectionRequest> find(long id) {
        return jdbc.prepareStatement(FIND, statement -> {
            try {
                statement.setLong(1, id);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<ProtectionRequest>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read GitHub's protection request " + id, e);
            }
        });
    }

    private static ProtectionRequest read(ResultSet row) throws SQLException {
        var deploymentId = row.getLong("deployment_id");
        Optional<Long> deployment = row.wasNull() ? Optional.empty() : Optional.of(deploymentId);
        return new ProtectionRequest(row.getString("delivery_id"), row.getLong("installation_id"),
                row.getString("repository"), row.getString("environment"), row.getLong("run_id"),
                row.getString("callback_url"), deployment,
                Optional.ofNullable(row.getString("sha")), Optional.ofNullable(row.getString("ref")),
                Optional.ofNullable(row.getString("event")), Optional.ofNullable(row.getString("sender")),
                row.getTimestamp("received_at").toInstant(), number(row, "change_number"), Optional.empty());
    }

    private static Optional<Long> number(ResultSet row, String column) throws SQLException {
        var value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public void link(long requestId, long checkId) {
        SqlWrites.update(jdbc, "link GitHub's request to its gate check", LINK, checkId, requestId);
    }

    @Override
    public List<Long> byCheck(long checkId) {
        return ids(BY_CHECK, checkId);
    }

    @Override
    public List<String> knownWorkspaces() {
        return jdbc.prepareStatement(WORKSPACES, statement -> {
            try (var rows = statement.executeQuery()) {
                var workspaces = new java.util.ArrayList<String>();
                while (rows.next()) {
                    workspaces.add(rows.getString(1));
                }
                return workspaces;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the workspaces", e);
            }
        });
    }

    @Override
    public Optional<String> checkOfDeployment(String repository, long deploymentId) {
        return jdbc.prepareStatement(CHECK_OF_DEPLOYMENT, statement -> {
            try {
                statement.setString(1, repository);
                statement.setLong(2, deploymentId);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the gate check of GitHub deployment " + deploymentId, e);
            }
        });
    }

    private List<Long> ids(String sql, long parameter) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                statement.setLong(1, parameter);
                try (var rows = statement.executeQuery()) {
                    var ids = new java.util.ArrayList<Long>();
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                    return ids;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read GitHub's requests", e);
            }
        });
    }
}
