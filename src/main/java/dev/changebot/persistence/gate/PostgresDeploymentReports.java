package dev.changebot.persistence.gate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.application.port.DeploymentReports;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.gate.DeploymentRecorded;
import dev.changebot.domain.gate.DeploymentStatus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** Deployment reports in PostgreSQL (deployment_report): what each key did, for its retries. */
@Singleton
class PostgresDeploymentReports implements DeploymentReports {

    private final JdbcOperations jdbc;

    PostgresDeploymentReports(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DeploymentRecorded> byKey(long tokenId, String idempotencyKey) {
        return Rows.one(jdbc, "read a deployment report", row -> read(row.getString("response_body")),
                "SELECT response_body::text AS response_body FROM deployment_report WHERE token_id = ?"
                        + " AND idempotency_key = ?", tokenId, idempotencyKey);
    }

    @Override
    public void add(String workspaceId, long tokenId, String idempotencyKey, String requestBody,
                    DeploymentRecorded recorded, long deploymentId) {
        Rows.update(jdbc, "store a deployment report", "INSERT INTO deployment_report (workspace_id, token_id,"
                        + " idempotency_key, change_number, status, environment, request_body, response_status,"
                        + " response_body, reported_at, deployment_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), 201, CAST(? AS jsonb), now(), ?)",
                workspaceId, tokenId, idempotencyKey, recorded.change().map(ChangeId::number).orElse(null),
                recorded.status().code(), recorded.environment(), requestBody, write(recorded), deploymentId);
    }

    private static String write(DeploymentRecorded recorded) {
        var json = new JsonObject();
        recorded.change().ifPresent(change -> json.addProperty("change", change.number()));
        json.addProperty("environment", recorded.environment());
        json.addProperty("status", recorded.status().code());
        recorded.changeState().ifPresent(state -> json.addProperty("change_state", state));
        recorded.soakUntil().ifPresent(until -> json.addProperty("soak_until", until.toString()));
        recorded.uncoveredWhy().ifPresent(why -> json.addProperty("uncovered_why", why));
        json.addProperty("message", recorded.message());
        return json.toString();
    }

    private static DeploymentRecorded read(String text) {
        var json = JsonParser.parseString(text).getAsJsonObject();
        return new DeploymentRecorded(
                json.has("change") ? Optional.of(new ChangeId(json.get("change").getAsLong())) : Optional.empty(),
                json.get("environment").getAsString(), DeploymentStatus.ofCode(json.get("status").getAsString()).orElseThrow(),
                json.has("change_state") ? Optional.of(json.get("change_state").getAsString()) : Optional.empty(),
                json.has("soak_until") ? Optional.of(Instant.parse(json.get("soak_until").getAsString())) : Optional.empty(),
                json.has("uncovered_why") ? Optional.of(json.get("uncovered_why").getAsString()) : Optional.empty(),
                json.get("message").getAsString());
    }
}
