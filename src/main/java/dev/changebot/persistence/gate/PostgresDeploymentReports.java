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
                    DeploymentRecorded recorded) {
        Rows.update(jdbc, "store a deployment report", "INSERT INTO deployment_report (workspace_id, token_id,"
                        + " idempotency_key, change_number, status, environment, request_body, response_status,"
                        + " response_body, reported_at) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), 201, CAST(? AS jsonb), now())",
                workspaceId, tokenId, idempotencyKey, recorded.change().number(), recorded.status().code(),
                recorded.environment(), requestBody, write(recorded));
    }

    private static String write(DeploymentRecorded recorded) {
        var json = new JsonObject();
        json.addProperty("change", recorded.change().number());
        json.addProperty("environment", recorded.environment());
        json.addProperty("status", recorded.status().code());
        json.addProperty("change_state", recorded.changeState());
        recorded.soakUntil().ifPresent(until -> json.addProperty("soak_until", until.toString()));
        json.addProperty("message", recorded.message());
        return json.toString();
    }

    private static DeploymentRecorded read(String text) {
        var json = JsonParser.parseString(text).getAsJsonObject();
        return new DeploymentRecorded(new ChangeId(json.get("change").getAsLong()), json.get("environment").getAsString(),
                DeploymentStatus.ofCode(json.get("status").getAsString()).orElseThrow(),
                json.get("change_state").getAsString(),
                json.has("soak_until") ? Optional.of(Instant.parse(json.get("soak_until").getAsString())) : Optional.empty(),
                json.get("message").getAsString());
    }
}
